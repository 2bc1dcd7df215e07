// Copy-on-write of tree blocks (fs/btrfs/ctree.c, Linux 3.7: should_cow_block, btrfs_cow_block ->
// __btrfs_cow_block): a block may change in place only if the running transaction created it and it
// has not been written since (BTRFS_HEADER_FLAG_WRITTEN); any other block is copied to a new
// address before it changes, and the old address freed.
import { freeBlock } from "./blocks.ts";
import type { TreeBlock } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/** should_cow_block: the block belongs to another transaction, or was written. */
export function shouldCowBlock(t: TreeState, block: TreeBlock): boolean {
  return block.generation !== t.host.transid || block.written;
}

/**
 * btrfs_cow_block / __btrfs_cow_block: a writable copy of `block` in its place, the old one freed.
 * The simulator re-addresses the block object in place (a shortcut: nothing outside the tree holds
 * a block across a change of it, an image written earlier is a snapshot, and a new object per COW
 * was a large share of the garbage: a node's key and child arrays, and a leaf that a truncate of
 * the log COWs only to empty it). The tree's shape, and so a cached path, stays as it was.
 */
export function cowBlock(t: TreeState, block: TreeBlock): TreeBlock {
  if (!shouldCowBlock(t, block)) return block;
  const bytenr = t.host.allocTreeBlock(t.owner);
  freeBlock(t, block);
  block.bytenr = bytenr;
  block.generation = t.host.transid;
  block.written = false;
  t.dirty.add(block);
  t.host.cpu.charge("blockCow");
  return block;
}
