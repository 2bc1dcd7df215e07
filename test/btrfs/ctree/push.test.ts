// push_leaf_right / push_leaf_left (ctree/push.ts): an insert into a full leaf moves items into a
// neighbour under the same parent when that makes room, instead of splitting.
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import type { Leaf } from "../../../btrfs/ctree/tree-block.ts";
import { FakeHost, checkTree } from "./fake-host.ts";
import { extent, extentKey } from "./tree-fixtures.ts";

/** Two leaves [26 | 26] of items at multiples of 1000, the left then filled to 51 with odd offsets. */
function fullLeftLeaf(): BTree {
  const tree = new BTree(new FakeHost(), 5);
  for (let i = 0; i < 52; i++) tree.insertItems([extent(i * 1000)]);
  for (let i = 0; i < 25; i++) tree.insertItems([extent(i * 1000 + 500)]);
  const leaves = (tree.root as { children: Leaf[] }).children;
  expect(leaves.map((l) => l.items.length)).toEqual([51, 26]);
  return tree;
}

describe("push_leaf_right / push_leaf_left", () => {
  it("pushes the items after the insertion point into the right neighbour (push_leaf_right)", () => {
    const tree = fullLeftLeaf();
    tree.insertItems([extent(20_100)]);
    const leaves = (tree.root as { children: Leaf[] }).children;
    expect(leaves).toHaveLength(2);
    expect(leaves[1]!.items.length).toBeGreaterThan(26);
    expect(checkTree(tree)).toBe(78);
  });

  it("pushes the items before the insertion point into the left neighbour (push_leaf_left)", () => {
    const tree = fullLeftLeaf();
    // Fill the right leaf too and make room in the left one: an insert near the right leaf's end
    // can only push left (the right leaf has no right neighbour).
    for (let i = 26; i < 51; i++) tree.insertItems([extent(i * 1000 + 500)]);
    const [left, right] = (tree.root as { children: Leaf[] }).children as [Leaf, Leaf];
    expect([left.items.length, right.items.length]).toEqual([51, 51]);
    // Empty some of the left leaf so that it has room for what the right one pushes.
    for (let i = 0; i < 10; i++) {
      const path = tree.search(extentKey(i * 1000), { cow: true });
      tree.deleteItems(path, path.slots[0]!, 1);
    }
    tree.insertItems([extent(50_999)]);
    const leaves = (tree.root as { children: Leaf[] }).children;
    expect(leaves).toHaveLength(2);
    expect(leaves[0]!.items.length).toBeGreaterThan(41);
    expect(checkTree(tree)).toBe(51 + 51 - 10 + 1);
  });
});
