// A btrfs B-tree (fs/btrfs/ctree.c): leaves and nodes sized in bytes, searched top-down with
// copy-on-write of every block on the path that belongs to an older transaction or was already
// written (should_cow_block), batched item inserts (btrfs_insert_empty_items) that first push
// items to a neighbouring leaf under the same parent when that makes room (push_leaf_right/left),
// else split a full leaf where split_leaf does: at the middle, or at the insertion point, or into
// a new empty leaf of its own when the batch is appended or prepended; deletes that drop empty
// leaves and merge a leaf under a third full into a neighbour (push_leaf_left/right when
// everything fits), and a forward walk that skips subtrees older than a transaction
// (btrfs_search_forward). CPU work is charged to the host's meter. The last search's path is
// kept (the finger) and reused while it stays valid: a simulator shortcut with the same results.
import type { CpuMeter } from "../cpu/index.ts";
import { HEADER_BYTES, KEY_PTR_BYTES, itemFootprint, type Item } from "./items.ts";
import { DirtyBlocks } from "./dirty-blocks.ts";
import { compareKeys, type Key } from "./key.ts";
import { firstKey, isLeaf, writableItems, type Leaf, type Node, type TreeBlock } from "./tree-block.ts";

/** What a tree needs from the filesystem around it. */
export interface TreeHost {
  readonly nodesize: number;
  /** The running transaction: blocks of other generations are COWed before they change. */
  readonly transid: number;
  /** A logical address for a new tree block of `owner`. */
  allocTreeBlock(owner: number): number;
  /** A block leaves the tree; `unwritten` if it was created in this transaction and never written. */
  freeTreeBlock(block: TreeBlock, unwritten: boolean): void;
  readonly cpu: CpuMeter;
}

/** A root-to-leaf path: nodes[0] is the leaf, slots[level] the index taken at each level. */
export interface Path {
  nodes: TreeBlock[];
  slots: number[];
  /** The search key was found exactly (at slots[0] of the leaf). */
  found: boolean;
}

/**
 * The last search's path, kept for the next one (reused in place), with the key bounds of its leaf
 * and the shape version it is valid for. A simulator shortcut, not kernel behaviour.
 */
interface Finger extends Path {
  version: number;
  low: Key | undefined;
  high: Key | undefined;
}

export class BTree {
  root: TreeBlock;
  readonly owner: number;
  /** Blocks created or COWed and not yet written (the tree's dirty pages). */
  readonly dirty = new DirtyBlocks();
  readonly leafCapacityBytes: number;
  readonly nodeCapacityPtrs: number;
  private readonly host: TreeHost;
  /**
   * Bumped whenever a block is replaced, added or removed, or a parent key changes; a cached path
   * is only reused while this is unchanged. (A simulator shortcut, not kernel behaviour.)
   */
  private shapeVersion = 0;
  private readonly finger: Finger = { nodes: [], slots: [], found: false, version: -1, low: undefined, high: undefined };

  constructor(host: TreeHost, owner: number) {
    this.host = host;
    this.owner = owner;
    this.leafCapacityBytes = host.nodesize - HEADER_BYTES;
    this.nodeCapacityPtrs = Math.floor((host.nodesize - HEADER_BYTES) / KEY_PTR_BYTES);
    this.root = this.newLeaf(NO_ITEMS);
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
   * btrfs_search_slot: the path to `k`; with `cow`, every block on it is made writable first.
   * `charge` = false for the simulator's own lookups whose kernel cost is charged elsewhere.
   * The path is the caller's own copy.
   */
  search(k: Key, cow: boolean, charge = true): Path {
    const f = this.seek(k, cow, charge);
    return { nodes: f.nodes.slice(), slots: f.slots.slice(), found: f.found };
  }

  /**
   * search() without the copy: the path is the tree's own, valid until the next search or change
   * of this tree, for a caller that reads it and hands it straight to replaceItem or deleteItems.
   */
  searchShared(k: Key, cow: boolean, charge = true): Path {
    return this.seek(k, cow, charge);
  }

  /**
   * Points the finger at `k` and returns it (not a copy: read it before the tree changes). The
   * descent is skipped when `k` lies in the finger's leaf and nothing has moved since (a simulator
   * shortcut that gives the same path, without allocating one per search).
   */
  private seek(k: Key, cow: boolean, charge: boolean): Finger {
    const f = this.finger;
    if (!this.fingerHolds(k)) this.descend(k, cow);
    else if (cow) this.cowFinger();
    const items = (f.nodes[0] as Leaf).items;
    // Searches come in runs around one place (a lookup, then an insert or a walk from the same
    // key): try the last slot before bisecting. It is the answer exactly when it parts the items
    // before k from the rest, whatever leaf it came from.
    const hint = f.slots[0];
    const slot =
      hint !== undefined && hint <= items.length && (hint === 0 || compareKeys((items[hint - 1] as Item).key, k) < 0) && (hint === items.length || compareKeys((items[hint] as Item).key, k) >= 0)
        ? hint
        : lowerBound(items, k);
    f.slots[0] = slot;
    const item = items[slot];
    f.found = item !== undefined && compareKeys(item.key, k) === 0;
    if (charge) this.host.cpu.charge("btreeSearchLevel", f.nodes.length);
    return f;
  }

  /** True if the finger's leaf is where `k` belongs: a descent for `k` would take the finger's path. */
  private fingerHolds(k: Key): boolean {
    const f = this.finger;
    if (f.version !== this.shapeVersion) return false;
    return (f.low === undefined || compareKeys(k, f.low) >= 0) && (f.high === undefined || compareKeys(k, f.high) < 0);
  }

  /** The COWs a descent along the finger's path would make, root first (in place: the finger stays valid). */
  private cowFinger(): void {
    const nodes = this.finger.nodes;
    for (let l = nodes.length - 1; l >= 0; l--) this.cow(nodes[l] as TreeBlock);
  }

  /** The descent from the root to the leaf for `k`, COWing each block on the way with `cow`, into the finger. */
  private descend(k: Key, cow: boolean): void {
    const f = this.finger;
    let block = cow ? this.cow(this.root) : this.root;
    // Setting an array's length is a runtime call even when it does not change: only on a change of height.
    const height = block.level + 1;
    if (f.nodes.length !== height) f.nodes.length = height;
    if (f.slots.length !== height) f.slots.length = height;
    while (!isLeaf(block)) {
      f.nodes[block.level] = block;
      const slot = Math.max(0, upperBound(block.keys, k) - 1);
      f.slots[block.level] = slot;
      const child = block.children[slot] as TreeBlock;
      block = cow ? this.cow(child) : child;
    }
    f.nodes[0] = block;
    this.pinFinger();
  }

  /**
   * Makes the finger valid for the tree as it is now: its nodes and slots must be a root-to-leaf
   * path. Its leaf's key bounds are the parent keys either side of the path, taken at the lowest
   * level that has them.
   */
  private pinFinger(): void {
    const f = this.finger;
    f.low = undefined;
    f.high = undefined;
    for (let l = 1; l < f.nodes.length; l++) {
      const node = f.nodes[l] as Node;
      const slot = f.slots[l] as number;
      if (f.low === undefined && slot > 0) f.low = node.keys[slot];
      if (f.high === undefined && slot + 1 < node.keys.length) f.high = node.keys[slot + 1];
    }
    f.version = this.shapeVersion;
  }

  /** The item with key `k`, or undefined (a read-only search). */
  lookup(k: Key): Item | undefined {
    const path = this.seek(k, false, true);
    return path.found ? (path.nodes[0] as Leaf).items[path.slots[0] as number] : undefined;
  }

  /** The first item at or after `k` (read-only), walking into the next leaf if needed. */
  firstAtOrAfter(k: Key): Item | undefined {
    const path = this.seek(k, false, true);
    const leaf = path.nodes[0] as Leaf;
    const item = leaf.items[path.slots[0] as number];
    if (item !== undefined) return item;
    const next = this.nextLeafOf(path);
    return next?.items[0];
  }

  /** The last item strictly before `k` (read-only), or undefined. */
  lastBefore(k: Key): Item | undefined {
    const path = this.seek(k, false, true);
    const leaf = path.nodes[0] as Leaf;
    const slot = path.slots[0] as number;
    if (slot > 0) return leaf.items[slot - 1];
    const prev = this.prevLeafOf(path);
    return prev?.items[prev.items.length - 1];
  }

  // ------------------------------------------------------------------------------- modifying ---

  /**
   * Inserts `items` (sorted, none present, no present key between their first and last) at their
   * place (btrfs_insert_empty_items for a batch); `batchBytes` is their footprint if known. With
   * `immutable` (the caller never changes the array), an empty leaf takes the array itself, shared.
   */
  insertItems(items: readonly Item[], batchBytes?: number, immutable = false): void {
    const first = items[0];
    if (first === undefined) return;
    const path = this.seek(first.key, true, true);
    if (path.found) throw new Error(`insert: key (${keyText(first.key)}) already present in tree ${this.owner}`);
    let leaf = path.nodes[0] as Leaf;
    const next = leaf.items[path.slots[0] as number];
    const last = items[items.length - 1] as Item;
    if (next !== undefined && compareKeys(next.key, last.key) <= 0) {
      throw new Error(`insert: batch (${keyText(first.key)})..(${keyText(last.key)}) straddles (${keyText(next.key)})`);
    }
    const bytes = batchBytes ?? bytesOf(items);
    if (bytes > this.leafCapacityBytes) throw new Error(`insert: a batch of ${bytes} bytes cannot fit one leaf`);
    if (leaf.usedBytes + bytes > this.leafCapacityBytes && !this.pushToMakeRoom(path, bytes)) {
      this.splitLeafFor(path, first.key, bytes);
      leaf = path.nodes[0] as Leaf;
    }
    const slot = path.slots[0] as number;
    // An immutable batch filling an empty leaf becomes its items array: one reference, not a copy per item.
    if (immutable && leaf.items.length === 0) {
      leaf.items = items as Item[];
      leaf.itemsShared = true;
    } else {
      insertAt(writableItems(leaf), slot, items);
    }
    leaf.usedBytes += bytes;
    leaf.version++;
    this.host.cpu.charge("itemInsert", items.length);
    if (slot === 0) this.fixupLowKeys(path);
    // The next batch of a copy usually follows this one: the slot after it is the next search's hint.
    path.slots[0] = slot + items.length;
  }

  /** Replaces the item at the path's leaf slot with `item` (same place in key order; must fit). */
  replaceItem(path: Path, item: Item): void {
    const leaf = path.nodes[0] as Leaf;
    const slot = path.slots[0] as number;
    const old = leaf.items[slot] as Item;
    if (leaf.usedBytes + item.size - old.size > this.leafCapacityBytes) throw new Error("replaceItem: the leaf has no room to grow the item");
    writableItems(leaf)[slot] = item;
    leaf.usedBytes += item.size - old.size;
    leaf.version++;
    if (slot === 0 && compareKeys(old.key, item.key) !== 0) this.fixupLowKeys(path);
  }

  /** Deletes `count` items from the path's leaf starting at `slot` (btrfs_del_items). */
  deleteItems(path: Path, slot: number, count: number): void {
    const leaf = path.nodes[0] as Leaf;
    let removed: number;
    if (slot === 0 && count >= leaf.items.length) {
      // The whole leaf: no per-item accounting to undo.
      removed = leaf.items.length;
      leaf.items = NO_ITEMS;
      leaf.itemsShared = true;
      leaf.usedBytes = 0;
    } else {
      const gone = writableItems(leaf).splice(slot, count);
      for (const it of gone) leaf.usedBytes -= itemFootprint(it);
      removed = gone.length;
    }
    leaf.version++;
    this.host.cpu.charge("itemDelete", removed);
    if (leaf.items.length === 0) {
      if (leaf !== this.root) this.removeLeaf(path);
      return;
    }
    if (slot === 0) this.fixupLowKeys(path);
    if (leaf.usedBytes < this.leafCapacityBytes / 3) this.mergeSmallLeaf(path);
  }

  /**
   * Deletes every item with a key in [minKey, maxKey], one leaf at a time from the end, as
   * btrfs_truncate_inode_items does (one search per leaf, a batched delete). Returns the count.
   */
  deleteKeyRange(minKey: Key, maxKey: Key): number {
    let deleted = 0;
    for (;;) {
      const path = this.seek(maxKey, true, true);
      const leaf = path.nodes[0] as Leaf;
      let slot = path.slots[0] as number;
      if (path.found) slot++;
      // Where the range starts in this leaf; most leaves of a truncate lie wholly inside it.
      const first = leaf.items[0];
      const i = first !== undefined && compareKeys(first.key, minKey) >= 0 ? 0 : Math.min(slot, lowerBound(leaf.items, minKey));
      if (i === slot) {
        if (slot > 0 || this.prevLeafOf(path) === undefined) return deleted;
        const prev = this.prevLeafOf(path) as Leaf;
        const last = prev.items[prev.items.length - 1];
        if (last === undefined || compareKeys(last.key, minKey) < 0) return deleted;
        // The range ends in the previous leaf: search for its last key instead.
        const p2 = this.seek(last.key, true, true);
        const l2 = p2.nodes[0] as Leaf;
        const end = (p2.slots[0] as number) + 1;
        const j = Math.min(end, lowerBound(l2.items, minKey));
        deleted += end - j;
        this.deleteItems(p2, j, end - j);
        continue;
      }
      deleted += slot - i;
      this.deleteItems(path, i, slot - i);
    }
  }

  /** Free bytes in the path's leaf. */
  leafFreeBytes(path: Path): number {
    return this.leafCapacityBytes - (path.nodes[0] as Leaf).usedBytes;
  }

  // ------------------------------------------------------------------------------- walking ---

  /**
   * btrfs_search_forward: the leaves holding keys in [minKey, maxKey], in order, skipping every
   * subtree whose generation is older than `minTrans`. Read-only; charges each block visited.
   */
  leavesForward(minKey: Key, maxKey: Key, minTrans: number): Leaf[] {
    const out: Leaf[] = [];
    this.walkForward(this.root, minKey, maxKey, minTrans, out);
    return out;
  }

  /**
   * Calls `visit` on the items from the first key >= `k` onwards, in order, across leaves, until it
   * returns false. Charged as btrfs_search_slot then btrfs_next_leaf are: a search, and another per
   * leaf crossed. Walks the finger, so `visit` must neither change nor search this tree.
   */
  visitFrom(k: Key, visit: (item: Item) => boolean): void {
    let path: Path = this.seek(k, false, true);
    let leaf = path.nodes[0] as Leaf;
    let slot = path.slots[0] as number;
    for (;;) {
      for (; slot < leaf.items.length; slot++) if (!visit(leaf.items[slot] as Item)) return;
      const next = this.nextLeafOf(path);
      if (next === undefined) return;
      // Re-point the path at the next leaf so that a further step continues from it.
      path = this.seek(next.items[0]?.key ?? k, false, true);
      leaf = next;
      slot = 0;
    }
  }

  /** A read-only cursor at the first item >= `k` (uncharged: for the simulator's merge walks). */
  cursor(k: Key): LeafCursor {
    const path = this.search(k, false, false);
    return new LeafCursor(this, path);
  }

  /** A read-only cursor at the last item with a key <= `k` (or the first item), uncharged. */
  cursorAtOrBefore(k: Key): LeafCursor {
    const path = this.search(k, false, false);
    if (!path.found) {
      const slot = path.slots[0] as number;
      if (slot > 0) path.slots[0] = slot - 1;
      else {
        const prev = this.prevLeafOf(path);
        const last = prev?.items[prev.items.length - 1];
        if (last !== undefined) return new LeafCursor(this, this.search(last.key, false, false));
      }
    }
    return new LeafCursor(this, path);
  }

  /** The leaves from the one holding `k` to the end of the tree (read-only, uncharged). */
  *leavesFrom(k: Key): Generator<Leaf, void, undefined> {
    const path = this.search(k, false, false);
    for (let leaf: Leaf | undefined = path.nodes[0] as Leaf; leaf !== undefined; leaf = this.stepToNextLeaf(path)) yield leaf;
  }

  /** The leaf after the path's leaf, moving the path onto it (read-only). */
  stepToNextLeaf(path: Path): Leaf | undefined {
    for (let l = 1; l < path.nodes.length; l++) {
      const node = path.nodes[l] as Node;
      const slot = path.slots[l] as number;
      if (slot + 1 < node.children.length) {
        path.slots[l] = slot + 1;
        let b = node.children[slot + 1] as TreeBlock;
        for (let d = l - 1; d >= 1; d--) {
          path.nodes[d] = b;
          path.slots[d] = 0;
          b = (b as Node).children[0] as TreeBlock;
        }
        path.nodes[0] = b;
        path.slots[0] = 0;
        return b as Leaf;
      }
    }
    return undefined;
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

  // ------------------------------------------------------------------------------- internals ---

  /** btrfs_search_forward's descent, depth first, collecting the leaves into `out`. */
  private walkForward(block: TreeBlock, minKey: Key, maxKey: Key, minTrans: number, out: Leaf[]): void {
    this.host.cpu.charge("btreeSearchLevel");
    if (isLeaf(block)) {
      if (block.generation >= minTrans) out.push(block);
      return;
    }
    for (let i = 0; i < block.children.length; i++) {
      const nextKey = block.keys[i + 1];
      if (nextKey !== undefined && compareKeys(nextKey, minKey) <= 0) continue;
      if (compareKeys(block.keys[i] as Key, maxKey) > 0) return;
      const child = block.children[i] as TreeBlock;
      if (child.generation < minTrans) continue;
      this.walkForward(child, minKey, maxKey, minTrans, out);
    }
  }

  private needsCow(block: TreeBlock): boolean {
    return block.generation !== this.host.transid || block.written;
  }

  /**
   * __btrfs_cow_block: a writable copy of `block` in its place, the old one freed. The simulator
   * re-addresses the block object in place (a shortcut: nothing outside the tree holds a block
   * across a change of it, an image written earlier is a snapshot, and a new object per COW was a
   * large share of the garbage: a node's key and child arrays, and a leaf that a truncate of the log
   * COWs only to empty it). The tree's shape, and so a cached path, stays as it was.
   */
  private cow(block: TreeBlock): TreeBlock {
    if (!this.needsCow(block)) return block;
    const bytenr = this.host.allocTreeBlock(this.owner);
    this.freeBlock(block);
    block.bytenr = bytenr;
    block.generation = this.host.transid;
    block.written = false;
    this.dirty.add(block);
    this.host.cpu.charge("blockCow");
    return block;
  }

  /** A block that leaves the tree: its address freed, and cached paths through it invalid. */
  private release(block: TreeBlock): void {
    this.shapeVersion++;
    this.freeBlock(block);
  }

  /** Frees the block's address (at once if it was never written: it leaves the dirty list). */
  private freeBlock(block: TreeBlock): void {
    this.host.freeTreeBlock(block, this.dirty.delete(block));
  }

  /** A new leaf holding `items` (its own array, or NO_ITEMS: shared, copied on the first change), of `used` bytes. */
  private newLeaf(items: Item[], used = 0): Leaf {
    this.shapeVersion++;
    const leaf: Leaf = { level: 0, bytenr: this.host.allocTreeBlock(this.owner), generation: this.host.transid, owner: this.owner, written: false, dirtyAt: -1, items, usedBytes: used, version: 0, itemsShared: items === NO_ITEMS };
    this.dirty.add(leaf);
    return leaf;
  }

  private newNode(level: number, keys: Key[], children: TreeBlock[]): Node {
    this.shapeVersion++;
    const node: Node = { level, bytenr: this.host.allocTreeBlock(this.owner), generation: this.host.transid, owner: this.owner, written: false, dirtyAt: -1, keys, children };
    this.dirty.add(node);
    return node;
  }

  /**
   * split_leaf's first resort: push_leaf_right then push_leaf_left. Items after the insertion point
   * move to the right neighbour, or items before it to the left neighbour (each COWed first), as
   * many as fit there; true if the leaf then has room for `dataBytes`. Neighbours under another
   * parent are not used (the kernel's push stops there too).
   */
  private pushToMakeRoom(path: Path, dataBytes: number): boolean {
    const parent = path.nodes[1] as Node | undefined;
    if (parent === undefined) return false;
    const cap = this.leafCapacityBytes;
    const pslot = path.slots[1] as number;
    const leaf = path.nodes[0] as Leaf;
    const right = parent.children[pslot + 1] as Leaf | undefined;
    if (right !== undefined && cap - right.usedBytes >= dataBytes) {
      const slot = path.slots[0] as number;
      let free = cap - right.usedBytes;
      let k = leaf.items.length;
      while (k > slot && itemFootprint(leaf.items[k - 1] as Item) <= free) free -= itemFootprint(leaf.items[--k] as Item);
      if (k < leaf.items.length) {
        const target = this.cow(right) as Leaf;
        const moved = writableItems(leaf).splice(k);
        const bytes = bytesOf(moved);
        writableItems(target).unshift(...moved);
        target.usedBytes += bytes;
        target.version++;
        leaf.usedBytes -= bytes;
        leaf.version++;
        parent.keys[pslot + 1] = (moved[0] as Item).key;
        this.shapeVersion++;
        if (cap - leaf.usedBytes >= dataBytes) return true;
      }
    }
    const left = parent.children[pslot - 1] as Leaf | undefined;
    if (left !== undefined && cap - left.usedBytes >= dataBytes) {
      const slot = path.slots[0] as number;
      let free = cap - left.usedBytes;
      let k = 0;
      while (k < slot && itemFootprint(leaf.items[k] as Item) <= free) free -= itemFootprint(leaf.items[k++] as Item);
      if (k > 0 && k < leaf.items.length) {
        const target = this.cow(left) as Leaf;
        const moved = writableItems(leaf).splice(0, k);
        const bytes = bytesOf(moved);
        writableItems(target).push(...moved);
        target.usedBytes += bytes;
        target.version++;
        leaf.usedBytes -= bytes;
        leaf.version++;
        path.slots[0] = slot - k;
        this.shapeVersion++;
        this.fixupLowKeys(path);
        if (cap - leaf.usedBytes >= dataBytes) return true;
      }
    }
    return false;
  }

  /**
   * split_leaf: makes room for `dataBytes` at the path's slot and re-points the path at the leaf and
   * slot where the batch (first key `insKey`) goes. The split point follows the kernel: the middle
   * if that half has room, else the insertion point; an append or prepend that does not fit gets a
   * new empty leaf; if the half it lands in still has no room, it gets a leaf of its own between the
   * halves. The receiving leaf's parent key is the batch's first key (what fixup_low_keys makes it).
   */
  private splitLeafFor(path: Path, insKey: Key, dataBytes: number): void {
    this.shapeVersion++;
    const cap = this.leafCapacityBytes;
    const leaf = path.nodes[0] as Leaf;
    const slot = path.slots[0] as number;
    const n = leaf.items.length;
    let mid = (n + 1) >> 1;
    let own = false;
    // leaf_space_used(...) + data_size > BTRFS_LEAF_DATA_SIZE, each sum stopping once it is over.
    const room = cap - dataBytes;
    if (mid <= slot) {
      if (n === 1 || bytesExceed(leaf.items, mid, n, room)) {
        if (slot >= n) own = true;
        else {
          mid = slot;
          if (bytesExceed(leaf.items, mid, n, room)) own = true;
        }
      }
    } else if (bytesExceed(leaf.items, 0, mid, room)) {
      if (slot === 0) own = true;
      else {
        mid = slot;
        if (bytesExceed(leaf.items, mid, n, room)) own = true;
      }
    }
    this.host.cpu.charge("blockCow");
    // Where the batch goes: a leaf of its own, or a slot of one of the halves; and, if the parent
    // takes the new leaves in place, the target's slot in it (the split leaf's is path.slots[1]).
    let targetLeaf: Leaf;
    let targetSlot: number;
    let inPlace: boolean;
    let parentSlot = path.slots[1] as number;
    if (own && (slot === 0 || slot >= n)) {
      targetLeaf = this.newLeaf(NO_ITEMS);
      targetSlot = 0;
      inPlace = this.linkChild(path, targetLeaf, insKey, slot === 0);
      if (slot !== 0) parentSlot++;
    } else {
      const moved = writableItems(leaf).splice(mid);
      const movedBytes = bytesOf(moved);
      leaf.usedBytes -= movedBytes;
      leaf.version++;
      const right = this.newLeaf(moved, movedBytes);
      const rightKey = (moved[0] as Item).key;
      if (own) {
        this.host.cpu.charge("blockCow");
        targetLeaf = this.newLeaf(NO_ITEMS);
        targetSlot = 0;
        inPlace = this.linkChildren(path, 0, [targetLeaf, right], [insKey, rightKey], false);
        parentSlot++;
      } else {
        inPlace = this.linkChild(path, right, mid === slot ? insKey : rightKey, false);
        // slot === mid: the batch starts the right half (its parent key is insKey).
        targetLeaf = slot < mid ? leaf : right;
        targetSlot = slot < mid ? slot : slot - mid;
        if (slot >= mid) parentSlot++;
      }
    }
    const parent = path.nodes[1] as Node | undefined;
    if (inPlace && parent !== undefined) {
      // Only the parent changed, in place: the path to the target differs in its last two steps.
      // (The simulator's shortcut for the re-search; the kernel adjusts its path in place too.)
      path.nodes[0] = targetLeaf;
      path.slots[0] = targetSlot;
      path.slots[1] = parentSlot;
      path.found = false;
      if (path === this.finger) this.pinFinger();
      return;
    }
    // A parent split too: search again, for a leaf of its own (or the right half it starts) by
    // insKey, its parent key; for a slot inside a half by a key already there, so that a neighbour
    // with room for insKey's range cannot capture the route.
    const routed = targetLeaf.items.length === 0 || (targetLeaf !== leaf && targetSlot === 0) ? this.search(insKey, false, false) : this.routeTo(targetLeaf, targetSlot);
    path.nodes = routed.nodes;
    path.slots = routed.slots;
  }

  /** The path to slot `slot` of `leaf`, found through a key the leaf holds. */
  private routeTo(leaf: Leaf, slot: number): Path {
    const inside = Math.min(slot, leaf.items.length - 1);
    const anchor = leaf.items[inside] as Item;
    const path = this.search(anchor.key, false, false);
    if (path.nodes[0] !== leaf) throw new Error("split: the routing key does not lead to the split leaf");
    path.slots[0] = slot;
    path.found = false;
    return path;
  }

  /** linkChildren for one leaf, without arrays when its parent has room for it. */
  private linkChild(path: Path, block: Leaf, k: Key, before: boolean): boolean {
    const parent = path.nodes[1] as Node | undefined;
    if (parent === undefined || parent.children.length >= this.nodeCapacityPtrs) return this.linkChildren(path, 0, [block], [k], before);
    const at = (path.slots[1] as number) + (before ? 0 : 1);
    insertOne(parent.keys, at, k);
    insertOne(parent.children, at, block);
    return true;
  }

  /**
   * Links `blocks` (parent keys `keys`) next to path.nodes[level] in its parent, after it or
   * `before` it, splitting full nodes upwards (split_node: halves); a root gets a new root above.
   */
  private linkChildren(path: Path, level: number, blocks: TreeBlock[], keys: Key[], before: boolean): boolean {
    const block = path.nodes[level] as TreeBlock;
    const parent = path.nodes[level + 1] as Node | undefined;
    if (parent === undefined) {
      const ownKey = firstKey(block) ?? (keys[0] as Key);
      this.root = before
        ? this.newNode(level + 1, [...keys, ownKey], [...blocks, block])
        : this.newNode(level + 1, [ownKey, ...keys], [block, ...blocks]);
      return false;
    }
    const slot = path.slots[level + 1] as number;
    const at = before ? slot : slot + 1;
    insertAt(parent.keys, at, keys);
    insertAt(parent.children, at, blocks);
    if (parent.children.length <= this.nodeCapacityPtrs) return true;
    const n = parent.children.length;
    const per = Math.ceil(n / Math.max(2, Math.ceil(n / this.nodeCapacityPtrs)));
    const allKeys = parent.keys;
    const allChildren = parent.children;
    parent.keys = allKeys.slice(0, per);
    parent.children = allChildren.slice(0, per);
    const added: Node[] = [];
    for (let i = per; i < n; i += per) added.push(this.newNode(parent.level, allKeys.slice(i, i + per), allChildren.slice(i, i + per)));
    this.host.cpu.charge("blockCow", added.length);
    this.linkChildren(path, level + 1, added, added.map((b) => b.keys[0] as Key), false);
    return false;
  }

  /**
   * Removes the path's (empty) leaf. If only its parent changed and a left neighbour shares it,
   * the finger moves onto that neighbour (at its end), where the next search of a delete from the
   * end of a range goes (a simulator shortcut for the descent; the path is the one it would take).
   */
  private removeLeaf(path: Path): void {
    const parent = path.nodes[1] as Node;
    const slot = path.slots[1] as number;
    const top = path.nodes[path.nodes.length - 1];
    this.removeBlock(path, 0);
    if (path !== this.finger || slot === 0 || parent.children.length === 0 || this.root !== top) return;
    const left = parent.children[slot - 1] as Leaf;
    path.nodes[0] = left;
    path.slots[1] = slot - 1;
    path.slots[0] = left.items.length;
    path.found = false;
    this.pinFinger();
  }

  /** Removes path.nodes[level] (now empty) from its parent, and empty ancestors with it. */
  private removeBlock(path: Path, level: number): void {
    const block = path.nodes[level] as TreeBlock;
    const parent = path.nodes[level + 1] as Node;
    const slot = path.slots[level + 1] as number;
    removeAt(parent.keys, slot);
    removeAt(parent.children, slot);
    this.release(block);
    if (parent.children.length === 0 && parent !== this.root) {
      this.removeBlock(path, level + 1);
      return;
    }
    if (slot === 0 && parent.children.length > 0) this.fixupLowKeysFrom(path, level + 1);
    this.collapseRoot();
  }

  /** A root node with a single child is replaced by that child (btrfs: balance_level). */
  private collapseRoot(): void {
    while (!isLeaf(this.root) && this.root.children.length === 1) {
      const old = this.root;
      this.root = old.children[0] as TreeBlock;
      this.release(old);
    }
    if (!isLeaf(this.root) && this.root.children.length === 0) {
      const old = this.root;
      this.root = this.newLeaf(NO_ITEMS);
      this.release(old);
    }
  }

  /** Merges a small leaf into its left neighbour, or its right neighbour into it, if all fits. */
  private mergeSmallLeaf(path: Path): void {
    this.shapeVersion++;
    const leaf = path.nodes[0] as Leaf;
    const parent = path.nodes[1] as Node | undefined;
    if (parent === undefined) return;
    const slot = path.slots[1] as number;
    if (slot > 0) {
      const left = parent.children[slot - 1] as Leaf;
      if (left.usedBytes + leaf.usedBytes <= this.leafCapacityBytes) {
        const target = this.cow(left) as Leaf;
        writableItems(target).push(...leaf.items);
        target.usedBytes += leaf.usedBytes;
        target.version++;
        leaf.items = NO_ITEMS;
        leaf.itemsShared = true;
        this.removeBlock(path, 0);
        return;
      }
    }
    const right = parent.children[slot + 1] as Leaf | undefined;
    if (right !== undefined && right.usedBytes + leaf.usedBytes <= this.leafCapacityBytes) {
      writableItems(leaf).push(...right.items);
      leaf.usedBytes += right.usedBytes;
      leaf.version++;
      const rightPath: Path = { nodes: [right, ...path.nodes.slice(1)], slots: [0, slot + 1, ...path.slots.slice(2)], found: false };
      right.items = NO_ITEMS;
      right.itemsShared = true;
      this.removeBlock(rightPath, 0);
    }
  }

  /** After slot 0 of the leaf changed, update the keys of ancestors that point at it (fixup_low_keys). */
  private fixupLowKeys(path: Path): void {
    this.fixupLowKeysFrom(path, 0);
  }

  private fixupLowKeysFrom(path: Path, level: number): void {
    const k = firstKey(path.nodes[level] as TreeBlock);
    if (k === undefined) return;
    for (let l = level + 1; l < path.nodes.length; l++) {
      const node = path.nodes[l] as Node;
      const slot = path.slots[l] as number;
      // An equal key changes nothing: cached paths stay valid.
      if (compareKeys(node.keys[slot] as Key, k) !== 0) {
        node.keys[slot] = k;
        this.shapeVersion++;
      }
      if (slot !== 0) break;
    }
  }

  private nextLeafOf(path: Path): Leaf | undefined {
    for (let l = 1; l < path.nodes.length; l++) {
      const node = path.nodes[l] as Node;
      const slot = path.slots[l] as number;
      if (slot + 1 < node.children.length) {
        let b = node.children[slot + 1] as TreeBlock;
        while (!isLeaf(b)) b = b.children[0] as TreeBlock;
        return b;
      }
    }
    return undefined;
  }

  private prevLeafOf(path: Path): Leaf | undefined {
    for (let l = 1; l < path.nodes.length; l++) {
      const node = path.nodes[l] as Node;
      const slot = path.slots[l] as number;
      if (slot > 0) {
        let b = node.children[slot - 1] as TreeBlock;
        while (!isLeaf(b)) b = b.children[b.children.length - 1] as TreeBlock;
        return b;
      }
    }
    return undefined;
  }
}

/** Walks items in key order from a position, across leaves; valid until the tree changes. */
export class LeafCursor {
  private readonly tree: BTree;
  private readonly path: Path;

  constructor(tree: BTree, path: Path) {
    this.tree = tree;
    this.path = path;
    this.settle();
  }

  /** The current leaf. */
  get leaf(): Leaf {
    return this.path.nodes[0] as Leaf;
  }

  /** The current item, or undefined past the end of the tree. */
  get item(): Item | undefined {
    return this.leaf.items[this.path.slots[0] as number];
  }

  /** Moves to the next item. */
  next(): void {
    this.path.slots[0] = (this.path.slots[0] as number) + 1;
    this.settle();
  }

  /**
   * Moves past the items for which `holds` is true, which must be a prefix of the items from here
   * on (true, then false for the rest); returns how many. Binary search within each leaf: a leaf's
   * worth of items costs a few probes, not a visit each.
   */
  skipWhile(holds: (item: Item) => boolean): number {
    let skipped = 0;
    for (;;) {
      const items = this.leaf.items;
      const from = this.path.slots[0] as number;
      if (from >= items.length) return skipped; // the end of the tree
      // partitionPoint over [from, length), written out: a closure per leaf was a tenth of the
      // bytes a run allocated.
      let upto = from;
      for (let hi = items.length; upto < hi; ) {
        const mid = (upto + hi) >> 1;
        if (holds(items[mid] as Item)) upto = mid + 1;
        else hi = mid;
      }
      skipped += upto - from;
      this.path.slots[0] = upto;
      this.settle(); // at the leaf's end: on to the next leaf's first item
      if (upto < items.length) return skipped;
    }
  }

  private settle(): void {
    while ((this.path.slots[0] as number) >= this.leaf.items.length) {
      if (this.tree.stepToNextLeaf(this.path) === undefined) return;
    }
  }
}

/**
 * The items of a new empty leaf, shared by all of them (marked shared, so copied before a change):
 * a leaf made for a batch that takes the batch's own array never needs an array of its own.
 */
const NO_ITEMS: Item[] = []; // not frozen: a frozen array would make item reads polymorphic

/** Index of the first item whose key is >= k (a leaf's binary search; bench/experiments measures it too). */
export function lowerBound(items: readonly Item[], k: Key): number {
  // partitionPoint's loop written out: these two run on every search, and a closure per call was
  // a tenth of the bytes a run allocated.
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys((items[mid] as Item).key, k) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first key that is > k (partitionPoint written out, as lowerBound). */
function upperBound(keys: readonly Key[], k: Key): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(keys[mid] as Key, k) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Array edits in place. splice() spreads a batch into arguments and returns an array of what it
// removed; on a node's keys and children, once per leaf a log rebuilds, that was garbage.

/** arr.splice(at, 0, ...add), without the spread or the returned array. */
function insertAt<T>(arr: T[], at: number, add: readonly T[]): void {
  const n = add.length;
  const len = arr.length;
  if (at === len) {
    for (let i = 0; i < n; i++) arr.push(add[i] as T);
    return;
  }
  for (let i = 0; i < n; i++) arr.push(add[0] as T); // grow by n
  for (let i = len - 1; i >= at; i--) arr[i + n] = arr[i] as T;
  for (let i = 0; i < n; i++) arr[at + i] = add[i] as T;
}

/** arr.splice(at, 0, x), without the returned array. */
function insertOne<T>(arr: T[], at: number, x: T): void {
  arr.push(x);
  for (let i = arr.length - 1; i > at; i--) arr[i] = arr[i - 1] as T;
  arr[at] = x;
}

/** arr.splice(at, 1), without the returned array. */
function removeAt<T>(arr: T[], at: number): void {
  const last = arr.length - 1;
  for (let i = at; i < last; i++) arr[i] = arr[i + 1] as T;
  arr.pop();
}

function bytesOf(items: readonly Item[]): number {
  let b = 0;
  for (const it of items) b += itemFootprint(it);
  return b;
}

/** True if items [start, end) take more than `limit` bytes (leaf_space_used > limit), summed from the end until they do. */
function bytesExceed(items: readonly Item[], start: number, end: number, limit: number): boolean {
  let b = 0;
  for (let i = end - 1; i >= start; i--) {
    b += itemFootprint(items[i] as Item);
    if (b > limit) return true;
  }
  return false;
}

export function keyText(k: Key): string {
  return `${k.objectid} ${k.type} ${k.offset}`;
}
