// btrfs_del_items (ctree/delete.ts): emptied leaves removed and the root collapsed, small leaves
// merged into a neighbour, and the range delete of a truncate.
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { KEY_TYPE, key } from "../../../btrfs/ctree/key.ts";
import { isLeaf } from "../../../btrfs/ctree/tree-block.ts";
import { FakeHost, checkTree } from "./fake-host.ts";
import { ALL, END, extent } from "./tree-fixtures.ts";

describe("btrfs_del_items", () => {
  it("drops emptied leaves and collapses to a single empty leaf", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 500; i++) tree.insertItems([extent(i * 4096)]);
    expect(tree.height).toBe(2);
    for (let i = 0; i < 500; i++) {
      const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, i * 4096), { cow: true, copy: true });
      tree.deleteItems(path, path.slots[0]!, 1);
    }
    expect(tree.height).toBe(1);
    expect(isLeaf(tree.root) && tree.root.items.length).toBe(0);
    checkTree(tree);
  });

  it("merges a leaf under a third full into its neighbour", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 102; i++) tree.insertItems([extent(i * 4096)]);
    // two full leaves; empty most of the second
    for (let i = 51; i < 95; i++) {
      const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, i * 4096), { cow: true, copy: true });
      tree.deleteItems(path, path.slots[0]!, 1);
    }
    checkTree(tree);
    for (let i = 0; i < 40; i++) {
      const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, i * 4096), { cow: true, copy: true });
      tree.deleteItems(path, path.slots[0]!, 1);
    }
    expect(tree.height).toBe(1);
    expect(checkTree(tree)).toBe(102 - 44 - 40);
  });

  it("deletes exactly the items of a key range, across leaves, and counts them", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 600; i++) tree.insertItems([extent(i * 4096)]);
    expect(tree.height).toBe(2);
    expect(tree.deleteRange(key(257, KEY_TYPE.EXTENT_DATA, 100 * 4096 + 1), key(257, KEY_TYPE.EXTENT_DATA, 450 * 4096))).toBe(350);
    expect(checkTree(tree)).toBe(250);
    const left = tree.itemsInRange(ALL, END).map((it) => it.key.offset / 4096);
    expect(left).toEqual([...Array.from({ length: 101 }, (_, i) => i), ...Array.from({ length: 149 }, (_, i) => 451 + i)]);
    expect(tree.deleteRange(key(257, KEY_TYPE.EXTENT_DATA, 101 * 4096), key(257, KEY_TYPE.EXTENT_DATA, 450 * 4096))).toBe(0);
  });
});
