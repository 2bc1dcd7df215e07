// Removing items (fs/btrfs/ctree.c btrfs_del_items, Linux 3.7): a leaf left empty is removed from
// its parent (btrfs_del_leaf, del_ptr), and so is every ancestor it leaves empty; a root node left
// with one child gives way to it (balance_level); a leaf left under a third full is merged into a
// neighbour under the same parent when everything fits (push_leaf_left, push_leaf_right with empty
// = 1). A delete at slot 0 changes the leaf's key in its parents (fixup_low_keys). Also the range
// delete that btrfs_truncate_inode_items and drop_objectid_items share: a search per leaf from the
// end of the range, and a batched btrfs_del_items.
import { removeAt } from "./array-edits.ts";
import { lowerBound } from "./bin-search.ts";
import { newLeaf, releaseBlock } from "./blocks.ts";
import { cowBlock } from "./cow.ts";
import { fixupLowKeys } from "./fixup-low-keys.ts";
import { itemFootprint } from "./items.ts";
import { compareKeys, type Key } from "./key.ts";
import { leafBefore } from "./next-leaf.ts";
import type { Path } from "./path.ts";
import { COW, searchSlot } from "./search.ts";
import { NO_ITEMS, dropAllItems, writableItems } from "./shared-items.ts";
import { isLeaf, type Leaf, type Node, type TreeBlock } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/** btrfs_del_items: deletes `count` items from the path's leaf starting at `slot`. */
export function delItems(t: TreeState, path: Path, slot: number, count: number): void {
  const leaf = path.nodes[0] as Leaf;
  let removed: number;
  if (slot === 0 && count >= leaf.items.length) {
    // The whole leaf: no per-item accounting to undo.
    removed = leaf.items.length;
    dropAllItems(leaf);
    leaf.usedBytes = 0;
  } else {
    const gone = writableItems(leaf).splice(slot, count);
    for (const it of gone) leaf.usedBytes -= itemFootprint(it);
    removed = gone.length;
  }
  leaf.version++;
  t.host.cpu.charge("itemDelete", removed);
  if (leaf.items.length === 0) {
    if (leaf !== t.root) delLeaf(t, path);
    return;
  }
  if (slot === 0) fixupLowKeys(t, path);
  if (leaf.usedBytes < t.leafCapacityBytes / 3) mergeSmallLeaf(t, path);
}

/**
 * Deletes every item with a key in [minKey, maxKey], one leaf at a time from the end (a search
 * with cow = 1 for the range's last key, then btrfs_del_items of the leaf's items in the range).
 * Returns the count.
 */
export function deleteRange(t: TreeState, minKey: Key, maxKey: Key): number {
  let deleted = 0;
  for (;;) {
    const path = searchSlot(t, maxKey, COW);
    const leaf = path.nodes[0] as Leaf;
    let slot = path.slots[0] as number;
    if (path.found) slot++;
    // Where the range starts in this leaf; most leaves of a truncate lie wholly inside it.
    const first = leaf.items[0];
    const i = first !== undefined && compareKeys(first.key, minKey) >= 0 ? 0 : Math.min(slot, lowerBound(leaf.items, minKey));
    if (i === slot) {
      if (slot > 0 || leafBefore(path) === undefined) return deleted;
      const prev = leafBefore(path) as Leaf;
      const last = prev.items[prev.items.length - 1];
      if (last === undefined || compareKeys(last.key, minKey) < 0) return deleted;
      // The range ends in the previous leaf: search for its last key instead.
      const p2 = searchSlot(t, last.key, COW);
      const l2 = p2.nodes[0] as Leaf;
      const end = (p2.slots[0] as number) + 1;
      const j = Math.min(end, lowerBound(l2.items, minKey));
      deleted += end - j;
      delItems(t, p2, j, end - j);
      continue;
    }
    deleted += slot - i;
    delItems(t, path, i, slot - i);
  }
}

/**
 * btrfs_del_leaf: removes the path's (empty) leaf. If only its parent changed and a left neighbour
 * shares it, the finger moves onto that neighbour (at its end), where the next search of a delete
 * from the end of a range goes (a simulator shortcut for the descent; the path is the one it
 * would take).
 */
function delLeaf(t: TreeState, path: Path): void {
  const parent = path.nodes[1] as Node;
  const slot = path.slots[1] as number;
  const top = path.nodes[path.nodes.length - 1];
  delPtr(t, path, 0);
  if (path !== t.finger || slot === 0 || parent.children.length === 0 || t.root !== top) return;
  const left = parent.children[slot - 1] as Leaf;
  path.nodes[0] = left;
  path.slots[1] = slot - 1;
  path.slots[0] = left.items.length;
  path.found = false;
  t.finger.pin(t.shapeVersion);
}

/** del_ptr: removes path.nodes[level] (now empty) from its parent, and empty ancestors with it. */
function delPtr(t: TreeState, path: Path, level: number): void {
  const block = path.nodes[level] as TreeBlock;
  const parent = path.nodes[level + 1] as Node;
  const slot = path.slots[level + 1] as number;
  removeAt(parent.keys, slot);
  removeAt(parent.children, slot);
  releaseBlock(t, block);
  if (parent.children.length === 0 && parent !== t.root) {
    delPtr(t, path, level + 1);
    return;
  }
  if (slot === 0 && parent.children.length > 0) fixupLowKeys(t, path, level + 1);
  collapseRoot(t);
}

/** A root node with a single child is replaced by that child (balance_level); an empty one by an empty leaf. */
function collapseRoot(t: TreeState): void {
  while (!isLeaf(t.root) && t.root.children.length === 1) {
    const old = t.root;
    t.root = old.children[0] as TreeBlock;
    releaseBlock(t, old);
  }
  if (!isLeaf(t.root) && t.root.children.length === 0) {
    const old = t.root;
    t.root = newLeaf(t, NO_ITEMS);
    releaseBlock(t, old);
  }
}

/**
 * btrfs_del_items' rebalance of a small leaf: push_leaf_left of all its items into its left
 * neighbour, or push_leaf_right of all of its right neighbour's into it, if everything fits.
 */
function mergeSmallLeaf(t: TreeState, path: Path): void {
  t.shapeVersion++;
  const leaf = path.nodes[0] as Leaf;
  const parent = path.nodes[1] as Node | undefined;
  if (parent === undefined) return;
  const slot = path.slots[1] as number;
  if (slot > 0) {
    const left = parent.children[slot - 1] as Leaf;
    if (left.usedBytes + leaf.usedBytes <= t.leafCapacityBytes) {
      const target = cowBlock(t, left) as Leaf;
      writableItems(target).push(...leaf.items);
      target.usedBytes += leaf.usedBytes;
      target.version++;
      dropAllItems(leaf);
      delPtr(t, path, 0);
      return;
    }
  }
  const right = parent.children[slot + 1] as Leaf | undefined;
  if (right !== undefined && right.usedBytes + leaf.usedBytes <= t.leafCapacityBytes) {
    writableItems(leaf).push(...right.items);
    leaf.usedBytes += right.usedBytes;
    leaf.version++;
    const rightPath: Path = { nodes: [right, ...path.nodes.slice(1)], slots: [0, slot + 1, ...path.slots.slice(2)], found: false };
    dropAllItems(right);
    delPtr(t, rightPath, 0);
  }
}
