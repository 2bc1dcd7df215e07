// A btrfs B-tree (fs/btrfs/ctree.c, Linux 3.7) as the model uses it: leaves and nodes sized in
// bytes, searched top-down with copy-on-write of the blocks on the path, batched inserts that push
// items to a neighbour or split a full leaf, deletes that drop empty leaves and merge small ones,
// and a forward walk that skips subtrees older than a transaction. CPU work is charged to the
// host's meter. The class holds the tree's state (tree-state.ts) and hands each operation to the
// file named after the part of ctree.c it models:
//   search.ts          btrfs_search_slot: the one search, with named options (SearchOptions)
//   insert.ts          btrfs_insert_empty_items / setup_items_for_insert, btrfs_duplicate_item;
//                      writing an item in place
//   delete.ts          btrfs_del_items, btrfs_del_leaf, del_ptr, the merge of small leaves
//   split.ts           split_leaf, split_node, insert_ptr, insert_new_root
//   push.ts            push_leaf_right, push_leaf_left
//   cow.ts             should_cow_block, btrfs_cow_block / __btrfs_cow_block
//   search-forward.ts  btrfs_search_forward
//   next-leaf.ts       btrfs_next_leaf, btrfs_prev_leaf
//   lookup.ts          the read-only lookups built on them
//   fixup-low-keys.ts, leaf-space.ts, blocks.ts, path.ts
// The simulator's speed machinery, with the same results, lives apart: finger.ts (the last search's
// path, reused), leaf-cursor.ts, array-edits.ts, bin-search.ts, shared-items.ts and
// dirty-blocks.ts.
import { newLeaf } from "./blocks.ts";
import { delItems, deleteRange } from "./delete.ts";
import { DirtyBlocks } from "./dirty-blocks.ts";
import { Finger } from "./finger.ts";
import { duplicateItem, insertEmptyItems, replaceItem } from "./insert.ts";
import { HEADER_BYTES, KEY_PTR_BYTES, type Item } from "./items.ts";
import { compareKeys, type Key } from "./key.ts";
import { LeafCursor, cursorAt, cursorAtOrBefore, leavesFrom } from "./leaf-cursor.ts";
import { leafFreeSpace } from "./leaf-space.ts";
import { firstItemAtOrAfter, lastItemBefore, lookupItem, visitItemsFrom } from "./lookup.ts";
import type { Path } from "./path.ts";
import { READ_ONLY, searchSlot, type SearchOptions } from "./search.ts";
import { searchForward } from "./search-forward.ts";
import { NO_ITEMS } from "./shared-items.ts";
import { isLeaf, type Leaf, type TreeBlock } from "./tree-block.ts";
import type { TreeHost, TreeState } from "./tree-state.ts";

export class BTree implements TreeState {
  root: TreeBlock;
  readonly owner: number;
  /** Blocks created or COWed and not yet written (the tree's dirty pages). */
  readonly dirty = new DirtyBlocks();
  readonly leafCapacityBytes: number;
  readonly nodeCapacityPtrs: number;
  /** The filesystem around the tree (TreeState: for the ctree parts, not for callers). */
  readonly host: TreeHost;
  /** TreeState: for the ctree parts, not for callers. */
  shapeVersion = 0;
  /** The last search's path (TreeState: for the ctree parts, not for callers). */
  readonly finger = new Finger();

  constructor(host: TreeHost, owner: number) {
    this.host = host;
    this.owner = owner;
    this.leafCapacityBytes = host.nodesize - HEADER_BYTES;
    this.nodeCapacityPtrs = Math.floor((host.nodesize - HEADER_BYTES) / KEY_PTR_BYTES);
    this.root = newLeaf(this, NO_ITEMS);
  }

  /** The running transaction as the host sees it. */
  get transidOfHost(): number {
    return this.host.transid;
  }

  /** Number of levels, 1 for a tree that is a single leaf. */
  get height(): number {
    return this.root.level + 1;
  }

  // ---------------------------------------------------------------------------------- search ---

  /**
   * btrfs_search_slot (search.ts): the path to `k`; read-only, charged, and the tree's own path
   * unless `opts` say otherwise.
   */
  search(k: Key, opts: SearchOptions = READ_ONLY): Path {
    return searchSlot(this, k, opts);
  }

  /** The item with key `k`, or undefined (a read-only search). */
  lookup(k: Key): Item | undefined {
    return lookupItem(this, k);
  }

  /** The first item at or after `k` (read-only), walking into the next leaf if needed. */
  firstAtOrAfter(k: Key): Item | undefined {
    return firstItemAtOrAfter(this, k);
  }

  /** The last item strictly before `k` (read-only), or undefined. */
  lastBefore(k: Key): Item | undefined {
    return lastItemBefore(this, k);
  }

  /**
   * Calls `visit` on the items from the first key >= `k` onwards, in order, across leaves, until it
   * returns false. Charged as btrfs_search_slot then btrfs_next_leaf are: a search, and another per
   * leaf crossed. Walks the tree's own path, so `visit` must neither change nor search this tree.
   */
  visitFrom(k: Key, visit: (item: Item) => boolean): void {
    visitItemsFrom(this, k, visit);
  }

  // ------------------------------------------------------------------------------- modifying ---

  /**
   * Inserts `items` (sorted, none present, no present key between their first and last) at their
   * place (btrfs_insert_empty_items for a batch); `batchBytes` is their footprint if known. With
   * `immutable` (the caller never changes the array), an empty leaf takes the array itself, shared.
   */
  insertItems(items: readonly Item[], batchBytes?: number, immutable = false): void {
    insertEmptyItems(this, items, batchBytes, immutable);
  }

  /**
   * btrfs_duplicate_item (insert.ts): `item` into the slot after the path's (a search with cow = 1
   * made its leaf writable); no search unless the leaf has no room. The path then points at it.
   */
  duplicateItem(path: Path, item: Item): void {
    duplicateItem(this, path, item);
  }

  /** Replaces the item at the path's leaf slot with `item` (same place in key order; must fit). */
  replaceItem(path: Path, item: Item): void {
    replaceItem(this, path, item);
  }

  /** Deletes `count` items from the path's leaf starting at `slot` (btrfs_del_items). */
  deleteItems(path: Path, slot: number, count: number): void {
    delItems(this, path, slot, count);
  }

  /**
   * Deletes every item with a key in [minKey, maxKey], one leaf at a time from the end (a search
   * per leaf, a batched delete): what btrfs_truncate_inode_items and drop_objectid_items do to an
   * inode's items in a log. Returns the count.
   */
  deleteRange(minKey: Key, maxKey: Key): number {
    return deleteRange(this, minKey, maxKey);
  }

  /** Free bytes in the path's leaf (btrfs_leaf_free_space). */
  leafFreeBytes(path: Path): number {
    return leafFreeSpace(this, path.nodes[0] as Leaf);
  }

  // ------------------------------------------------------------------------------- walking ---

  /**
   * btrfs_search_forward: the leaves holding keys in [minKey, maxKey], in order, skipping every
   * subtree whose generation is older than `minTrans`. Read-only; charges each block visited.
   */
  leavesForward(minKey: Key, maxKey: Key, minTrans: number): Leaf[] {
    return searchForward(this, minKey, maxKey, minTrans);
  }

  /** A read-only cursor at the first item >= `k` (uncharged: for the simulator's merge walks). */
  cursor(k: Key): LeafCursor {
    return cursorAt(this, k);
  }

  /** A read-only cursor at the last item with a key <= `k` (or the first item), uncharged. */
  cursorAtOrBefore(k: Key): LeafCursor {
    return cursorAtOrBefore(this, k);
  }

  /** The leaves from the one holding `k` to the end of the tree (read-only, uncharged). */
  leavesFrom(k: Key): Generator<Leaf, void, undefined> {
    return leavesFrom(this, k);
  }

  /** Every block of the tree (for freeing a whole tree). */
  *blocks(): Generator<TreeBlock, void, undefined> {
    const stack: TreeBlock[] = [this.root];
    for (let b = stack.pop(); b !== undefined; b = stack.pop()) {
      yield b;
      if (!isLeaf(b)) stack.push(...b.children);
    }
  }

  /** Items with keys in [minKey, maxKey] (read-only; for tests and accounting). */
  itemsInRange(minKey: Key, maxKey: Key): Item[] {
    const out: Item[] = [];
    const walk = (b: TreeBlock): void => {
      if (isLeaf(b)) {
        for (const it of b.items) if (compareKeys(it.key, minKey) >= 0 && compareKeys(it.key, maxKey) <= 0) out.push(it);
        return;
      }
      for (let i = 0; i < b.children.length; i++) {
        const nextKey = b.keys[i + 1];
        if (nextKey !== undefined && compareKeys(nextKey, minKey) <= 0) continue;
        if (compareKeys(b.keys[i] as Key, maxKey) > 0) break;
        walk(b.children[i] as TreeBlock);
      }
    };
    walk(this.root);
    return out;
  }
}
