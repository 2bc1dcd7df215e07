// btrfs_next_leaf / btrfs_prev_leaf (ctree/next-leaf.ts) through a path: every leaf in order, on
// a tree of three levels, and the neighbours either side of each without moving the path.
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { leafAfter, leafBefore, nextLeaf } from "../../../btrfs/ctree/next-leaf.ts";
import { isLeaf, type Leaf, type TreeBlock } from "../../../btrfs/ctree/tree-block.ts";
import { FakeHost } from "./fake-host.ts";
import { ALL, extent } from "./tree-fixtures.ts";

/** The tree's leaves, left to right. */
function leavesOf(block: TreeBlock): Leaf[] {
  return isLeaf(block) ? [block] : block.children.flatMap(leavesOf);
}

describe("btrfs_next_leaf / btrfs_prev_leaf", () => {
  const tree = new BTree(new FakeHost(), 5);
  for (let i = 0; i < 7000; i++) tree.insertItems([extent(i * 4096)]);
  const leaves = leavesOf(tree.root);

  it("moves a path through every leaf in order, each at slot 0, and stops at the last", () => {
    expect(tree.height).toBe(3);
    const path = tree.search(ALL, { copy: true, charge: false });
    const seen: Leaf[] = [path.nodes[0] as Leaf];
    for (let leaf = nextLeaf(path); leaf !== undefined; leaf = nextLeaf(path)) {
      expect(path.nodes[0]).toBe(leaf);
      expect(path.slots[0]).toBe(0);
      seen.push(leaf);
    }
    expect(seen).toEqual(leaves);
    expect(path.nodes[0]).toBe(leaves[leaves.length - 1]);
  });

  it("names the leaves either side of a path's leaf, leaving the path where it is", () => {
    leaves.forEach((leaf, i) => {
      const path = tree.search(leaf.items[0]!.key, { copy: true, charge: false });
      const before = JSON.stringify(path.slots);
      expect(leafAfter(path)).toBe(leaves[i + 1]);
      expect(leafBefore(path)).toBe(leaves[i - 1]);
      expect(JSON.stringify(path.slots)).toBe(before);
    });
  });
});
