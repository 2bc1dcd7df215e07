// Tree blocks entering and leaving a tree, as ctree.c gets them from extent-tree.c (Linux 3.7)
// (btrfs_alloc_free_block, btrfs_free_tree_block): a new leaf or node takes an address from the
// host and is dirty from birth; a block that leaves is freed, at once if it was never written (it
// leaves the dirty list), else pinned by the host until its transaction commits. Either changes the
// tree's shape, so a cached path through it is no longer valid.
import type { Item } from "./items.ts";
import type { Key } from "./key.ts";
import { NO_ITEMS } from "./shared-items.ts";
import type { Leaf, Node, TreeBlock } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/**
 * btrfs_alloc_free_block for a leaf holding `items` (its own array, or NO_ITEMS: shared, copied on
 * the first change), of `used` bytes.
 */
export function newLeaf(t: TreeState, items: Item[], used = 0): Leaf {
  t.shapeVersion++;
  const leaf: Leaf = { level: 0, bytenr: t.host.allocTreeBlock(t.owner), generation: t.host.transid, owner: t.owner, written: false, dirtyAt: -1, items, usedBytes: used, version: 0, itemsShared: items === NO_ITEMS };
  t.dirty.add(leaf);
  return leaf;
}

/** btrfs_alloc_free_block for a node at `level` with these key pointers. */
export function newNode(t: TreeState, level: number, keys: Key[], children: TreeBlock[]): Node {
  t.shapeVersion++;
  const node: Node = { level, bytenr: t.host.allocTreeBlock(t.owner), generation: t.host.transid, owner: t.owner, written: false, dirtyAt: -1, keys, children };
  t.dirty.add(node);
  return node;
}

/** btrfs_free_tree_block: the block's address freed (at once if it was never written: it leaves the dirty list). */
export function freeBlock(t: TreeState, block: TreeBlock): void {
  t.host.freeTreeBlock(block, t.dirty.delete(block));
}

/** A block that leaves the tree: its address freed, and cached paths through it invalid. */
export function releaseBlock(t: TreeState, block: TreeBlock): void {
  t.shapeVersion++;
  freeBlock(t, block);
}
