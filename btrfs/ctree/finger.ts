// The finger: the last search's path, kept by the tree and reused in place by the next search
// while it stays valid. A simulator shortcut, not kernel behaviour: btrfs_search_slot descends
// from the root every time; the finger gives the same path without the descent, and without a
// new path per search. It is valid while the tree's shape version (bumped whenever a block is
// replaced, added or removed, or a parent key changes) is the one it was pinned at, for keys
// between its leaf's bounds: the parent keys either side of the path.
import { compareKeys, type Key } from "./key.ts";
import type { Path } from "./path.ts";
import type { Node, TreeBlock } from "./tree-block.ts";

export class Finger implements Path {
  nodes: TreeBlock[] = [];
  slots: number[] = [];
  found = false;
  /** The tree's shape version the path is valid for; -1 before the first search. */
  version = -1;
  /** The lowest key that belongs in the finger's leaf, or undefined for no bound below. */
  low: Key | undefined = undefined;
  /** The first key past the finger's leaf, or undefined for no bound above. */
  high: Key | undefined = undefined;

  /** True if the finger's leaf is where `k` belongs: a descent for `k` would take the finger's path. */
  holds(k: Key, shapeVersion: number): boolean {
    if (this.version !== shapeVersion) return false;
    return (this.low === undefined || compareKeys(k, this.low) >= 0) && (this.high === undefined || compareKeys(k, this.high) < 0);
  }

  /**
   * Makes the finger valid for the tree at `shapeVersion`: its nodes and slots must be a
   * root-to-leaf path of it. Its leaf's key bounds are the parent keys either side of the path,
   * taken at the lowest level that has them.
   */
  pin(shapeVersion: number): void {
    this.low = undefined;
    this.high = undefined;
    for (let l = 1; l < this.nodes.length; l++) {
      const node = this.nodes[l] as Node;
      const slot = this.slots[l] as number;
      if (this.low === undefined && slot > 0) this.low = node.keys[slot];
      if (this.high === undefined && slot + 1 < node.keys.length) this.high = node.keys[slot + 1];
    }
    this.version = shapeVersion;
  }
}
