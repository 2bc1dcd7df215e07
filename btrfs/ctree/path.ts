// struct btrfs_path (fs/btrfs/ctree.h, Linux 3.7): the blocks and slots from a tree's root down to
// a leaf, as btrfs_search_slot leaves them. A search returns the tree's own path (the finger,
// finger.ts) unless asked for a copy, which later searches and changes of the tree do not move.
import type { TreeBlock } from "./tree-block.ts";

/** A root-to-leaf path: nodes[0] is the leaf, slots[level] the index taken at each level. */
export interface Path {
  nodes: TreeBlock[];
  slots: number[];
  /** The search key was found exactly (at slots[0] of the leaf). */
  found: boolean;
}

/** A copy of `path` for the caller to keep. */
export function copyPath(path: Path): Path {
  return { nodes: path.nodes.slice(), slots: path.slots.slice(), found: path.found };
}
