// How full a leaf is (fs/btrfs/ctree.c, Linux 3.7: leaf_space_used, btrfs_leaf_free_space): each
// item takes its header and its payload in the leaf's data area, in bytes.
import { itemFootprint, type Item } from "./items.ts";
import type { Leaf } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/** leaf_space_used over all of `items`: their headers and payloads, bytes. */
export function leafSpaceUsed(items: readonly Item[]): number {
  let b = 0;
  for (const it of items) b += itemFootprint(it);
  return b;
}

/**
 * leaf_space_used(items [start, end)) > limit, summed from the end until it is over (split_leaf's
 * tests of whether a half fits).
 */
export function leafSpaceExceeds(items: readonly Item[], start: number, end: number, limit: number): boolean {
  let b = 0;
  for (let i = end - 1; i >= start; i--) {
    b += itemFootprint(items[i] as Item);
    if (b > limit) return true;
  }
  return false;
}

/** btrfs_leaf_free_space: bytes left in the leaf's data area. */
export function leafFreeSpace(t: TreeState, leaf: Leaf): number {
  return t.leafCapacityBytes - leaf.usedBytes;
}
