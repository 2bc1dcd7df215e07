// split_leaf (ctree/split.ts): where a full leaf splits (the middle, the insertion point, or a new
// leaf of the batch's own), and that the batch lands where the split made room.
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import type { Leaf } from "../../../btrfs/ctree/tree-block.ts";
import { FakeHost, checkTree } from "./fake-host.ts";
import { extent } from "./tree-fixtures.ts";

describe("split_leaf", () => {
  it("holds 51 file extent items (25 + 53 bytes) in a 4 KiB leaf, and splits it in the middle on the 52nd (split_leaf)", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 51; i++) tree.insertItems([extent(i * 4096)]);
    expect(tree.height).toBe(1);
    expect((tree.root as Leaf).usedBytes).toBe(51 * 78);
    tree.insertItems([extent(51 * 4096)]);
    expect(tree.height).toBe(2);
    const leaves = (tree.root as { children: Leaf[] }).children;
    expect(leaves.map((l) => l.items.length)).toEqual([26, 26]);
  });

  it("gives an appended batch that fits neither half a new leaf of its own", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 30; i++) tree.insertItems([extent(i * 4096)]);
    tree.insertItems(Array.from({ length: 40 }, (_, i) => extent((100 + i) * 4096)));
    const leaves = (tree.root as { children: Leaf[] }).children;
    expect(leaves.map((l) => l.items.length)).toEqual([30, 40]);
    checkTree(tree);
  });

  it("splits at the insertion point when the middle half has no room, and keeps order", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 51; i++) tree.insertItems([extent(i * 8192)]);
    tree.insertItems(Array.from({ length: 30 }, (_, i) => extent(40 * 8192 + 1 + i)));
    expect(checkTree(tree)).toBe(81);
  });

  it("lands a batch in the half split_leaf made room in, after a push left its insertion point at slot 0", () => {
    // Regression: the insertion point's only earlier item is pushed to the left neighbour, which
    // keeps some room but not enough for the batch; the split must put the batch in the split leaf,
    // not route it by key into that neighbour.
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 52; i++) tree.insertItems([extent(i * 1000)]); // splits: [26 | 26]
    for (let i = 0; i < 22; i++) tree.insertItems([extent(i * 1000 + 500)]); // left: 48 items, 251 bytes free
    for (let i = 27; i < 51; i++) tree.insertItems([extent(i * 1000 + 500)]); // right: 50 items
    const leaves = (tree.root as { children: Leaf[] }).children;
    expect(leaves.map((l) => l.items.length)).toEqual([48, 50]);
    tree.insertItems([extent(26_001), extent(26_002), extent(26_003)]); // between the right leaf's first two items
    expect(checkTree(tree)).toBe(48 + 50 + 3);
  });

  it("splits full nodes and grows a new root above a split root (split_node, insert_new_root)", () => {
    const tree = new BTree(new FakeHost(), 5);
    // 121 pointers per 4 KiB node, 51 items per leaf (appends push into the left neighbour first).
    for (let i = 0; i < 7000; i++) tree.insertItems([extent(i * 4096)]);
    expect(tree.height).toBe(3);
    expect(checkTree(tree)).toBe(7000);
  });
});
