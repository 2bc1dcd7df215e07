// Shared items arrays (ctree/shared-items.ts): copied before their first change, never changed
// under whoever else holds them (a block image, a cached batch, the empty array of new leaves).
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { NO_ITEMS, shareItems, writableItems } from "../../../btrfs/ctree/shared-items.ts";
import type { Leaf } from "../../../btrfs/ctree/tree-block.ts";
import { FakeHost } from "./fake-host.ts";
import { extent, extentKey } from "./tree-fixtures.ts";

describe("shared items arrays", () => {
  it("copies a shared array before the first change and not after", () => {
    const tree = new BTree(new FakeHost(), 5);
    tree.insertItems([extent(0), extent(4096)]);
    const leaf = tree.root as Leaf;
    const image = shareItems(leaf);
    const mine = writableItems(leaf);
    expect(mine).not.toBe(image);
    expect(mine).toEqual(image);
    expect(writableItems(leaf)).toBe(mine);
    tree.deleteItems(tree.search(extentKey(0), { cow: true }), 0, 1);
    expect(image).toHaveLength(2);
  });

  it("leaves the empty array of new leaves empty, through inserts, splits and whole-leaf deletes", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 300; i++) tree.insertItems([extent(i * 4096)]);
    const path = tree.search(extentKey(150 * 4096), { cow: true });
    tree.deleteItems(path, 0, (path.nodes[0] as Leaf).items.length);
    tree.insertItems([extent(150 * 4096)]);
    expect(NO_ITEMS).toHaveLength(0);
  });
});
