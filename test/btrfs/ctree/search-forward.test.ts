// btrfs_search_forward with min_trans (ctree/search-forward.ts): only the leaves changed since a
// transaction, found without reading the older subtrees.
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { KEY_TYPE, MAX_OFFSET, key } from "../../../btrfs/ctree/key.ts";
import { FakeHost } from "./fake-host.ts";
import { extent } from "./tree-fixtures.ts";

describe("btrfs_search_forward", () => {
  it("walks forward only through leaves changed since a transaction (btrfs_search_forward)", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 51 * 6; i++) tree.insertItems([extent(i * 4096)]);
    for (const b of tree.blocks()) b.written = true;
    tree.dirty.clear();
    host.transid = 2;
    const touched = [10, 200];
    for (const blk of touched) {
      const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, blk * 4096), { cow: true, copy: true });
      tree.replaceItem(path, extent(blk * 4096));
    }
    const leaves = [...tree.leavesForward(key(257, 0, 0), key(257, 255, MAX_OFFSET), 2)];
    expect(leaves).toHaveLength(2);
    expect(leaves.map((l) => l.items.some((i) => i.key.offset === 10 * 4096 || i.key.offset === 200 * 4096))).toEqual([true, true]);
    expect([...tree.leavesForward(key(257, 0, 0), key(257, 255, MAX_OFFSET), 0)].length).toBeGreaterThan(5);
  });

  it("charges a search level per block it visits, the skipped subtrees not", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 51 * 6; i++) tree.insertItems([extent(i * 4096)]);
    for (const b of tree.blocks()) b.written = true;
    host.transid = 2;
    tree.replaceItem(tree.search(key(257, KEY_TYPE.EXTENT_DATA, 10 * 4096), { cow: true }), extent(10 * 4096));
    const before = host.cpu.counts.btreeSearchLevel;
    expect(tree.leavesForward(key(257, 0, 0), key(257, 255, MAX_OFFSET), 2)).toHaveLength(1);
    expect(host.cpu.counts.btreeSearchLevel - before).toBe(2); // the root, then the one new leaf
  });
});
