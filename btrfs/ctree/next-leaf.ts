// Stepping from a path's leaf to its neighbour (fs/btrfs/ctree.c, Linux 3.7: btrfs_next_leaf,
// btrfs_prev_leaf): up to the lowest node with a child beside the path's, then down that child's
// nearer edge. The kernel searches again for the neighbour's key; the path's own nodes and slots
// lead to the same leaf.
import type { Path } from "./path.ts";
import { isLeaf, type Leaf, type Node, type TreeBlock } from "./tree-block.ts";

/** The lowest level above the leaf whose node has a child after the path's; 0 if the path's leaf is the last. */
function levelWithNext(path: Path): number {
  for (let l = 1; l < path.nodes.length; l++) {
    if ((path.slots[l] as number) + 1 < (path.nodes[l] as Node).children.length) return l;
  }
  return 0;
}

/**
 * btrfs_next_leaf: moves the path onto the leaf after its leaf, at slot 0, and returns that leaf;
 * undefined (the path unchanged) if its leaf is the tree's last.
 */
export function nextLeaf(path: Path): Leaf | undefined {
  const l = levelWithNext(path);
  if (l === 0) return undefined;
  const slot = (path.slots[l] as number) + 1;
  path.slots[l] = slot;
  let b = (path.nodes[l] as Node).children[slot] as TreeBlock;
  for (let d = l - 1; d >= 1; d--) {
    path.nodes[d] = b;
    path.slots[d] = 0;
    b = (b as Node).children[0] as TreeBlock;
  }
  path.nodes[0] = b;
  path.slots[0] = 0;
  return b as Leaf;
}

/** The leaf btrfs_next_leaf would move the path onto, the path left where it is. */
export function leafAfter(path: Path): Leaf | undefined {
  const l = levelWithNext(path);
  if (l === 0) return undefined;
  let b = (path.nodes[l] as Node).children[(path.slots[l] as number) + 1] as TreeBlock;
  while (!isLeaf(b)) b = b.children[0] as TreeBlock;
  return b;
}

/** The leaf btrfs_prev_leaf would move the path onto (the one before its leaf), the path left where it is. */
export function leafBefore(path: Path): Leaf | undefined {
  for (let l = 1; l < path.nodes.length; l++) {
    const slot = path.slots[l] as number;
    if (slot > 0) {
      let b = (path.nodes[l] as Node).children[slot - 1] as TreeBlock;
      while (!isLeaf(b)) b = b.children[b.children.length - 1] as TreeBlock;
      return b;
    }
  }
  return undefined;
}
