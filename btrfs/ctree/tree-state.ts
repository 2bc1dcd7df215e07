// What every ctree operation works on: the share of struct btrfs_root that fs/btrfs/ctree.c (Linux
// 3.7) uses (the root block, the owner objectid, and the filesystem behind it, here the TreeHost),
// the tree's capacities in its node size, and the simulator's bookkeeping beside them: the
// dirty-block list, the shape version and the cached path (finger.ts). The BTree class (btree.ts)
// is this state with the operations as methods; the operations themselves live in the files named
// after ctree.c's parts and take the state as their first argument.
import type { CpuMeter } from "../cpu/index.ts";
import type { DirtyBlocks } from "./dirty-blocks.ts";
import type { Finger } from "./finger.ts";
import type { TreeBlock } from "./tree-block.ts";

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

export interface TreeState {
  /** The root block (root->node). */
  root: TreeBlock;
  /** The tree's objectid (root->root_key.objectid), the owner in its blocks' headers. */
  readonly owner: number;
  /** Blocks created or COWed and not yet written (the tree's dirty pages). */
  readonly dirty: DirtyBlocks;
  /** A leaf's data area, bytes (BTRFS_LEAF_DATA_SIZE). */
  readonly leafCapacityBytes: number;
  /** Key pointers per node (BTRFS_NODEPTRS_PER_BLOCK). */
  readonly nodeCapacityPtrs: number;
  readonly host: TreeHost;
  /**
   * Bumped whenever a block is replaced, added or removed, or a parent key changes; the finger is
   * only reused while this is unchanged. (A simulator shortcut, not kernel behaviour.)
   */
  shapeVersion: number;
  /** The last search's path (finger.ts). */
  readonly finger: Finger;
}
