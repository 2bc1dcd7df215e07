// btrfs_search_forward (fs/btrfs/ctree.c, Linux 3.7) with min_trans, as btrfs_log_inode walks the
// fs tree: the leaves holding keys in a range, in order, skipping unread every subtree older than a
// transaction (a block's generation is the transaction that last COWed it, and a COW reaches every
// block above it, so an older node has nothing newer below). Read-only; a search level charged per
// block visited.
import { compareKeys, type Key } from "./key.ts";
import { isLeaf, type Leaf, type TreeBlock } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/** btrfs_search_forward: the leaves with keys in [minKey, maxKey] and a generation >= minTrans. */
export function searchForward(t: TreeState, minKey: Key, maxKey: Key, minTrans: number): Leaf[] {
  const out: Leaf[] = [];
  walkForward(t, t.root, minKey, maxKey, minTrans, out);
  return out;
}

/** btrfs_search_forward's descent, depth first, collecting the leaves into `out`. */
function walkForward(t: TreeState, block: TreeBlock, minKey: Key, maxKey: Key, minTrans: number, out: Leaf[]): void {
  t.host.cpu.charge("btreeSearchLevel");
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
    walkForward(t, child, minKey, maxKey, minTrans, out);
  }
}
