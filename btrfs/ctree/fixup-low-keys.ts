// fs/btrfs/ctree.c fixup_low_keys (Linux 3.7): a block's key in its parent is its first key, so
// when the first key of a block on a path changes, the parent's key for it changes too, and the
// grandparent's while the block is its parent's first child, and so on up the path.
import { compareKeys, type Key } from "./key.ts";
import type { Path } from "./path.ts";
import { firstKey, type Node, type TreeBlock } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/** fixup_low_keys for path.nodes[level] (the leaf by default), whose first key changed. */
export function fixupLowKeys(t: TreeState, path: Path, level = 0): void {
  const k = firstKey(path.nodes[level] as TreeBlock);
  if (k === undefined) return;
  for (let l = level + 1; l < path.nodes.length; l++) {
    const node = path.nodes[l] as Node;
    const slot = path.slots[l] as number;
    // An equal key changes nothing: cached paths stay valid.
    if (compareKeys(node.keys[slot] as Key, k) !== 0) {
      node.keys[slot] = k;
      t.shapeVersion++;
    }
    if (slot !== 0) break;
  }
}
