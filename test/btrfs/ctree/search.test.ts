// btrfs_search_slot (ctree/search.ts): the slot it finds, whatever the order of the searches, and
// what its options do: cow, charge, and a path of the caller's own against the tree's.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { KEY_TYPE, compareKeys, key } from "../../../btrfs/ctree/key.ts";
import type { Leaf } from "../../../btrfs/ctree/tree-block.ts";
import { FakeHost } from "./fake-host.ts";
import { extent, extentKey } from "./tree-fixtures.ts";

describe("btrfs_search_slot", () => {
  it("finds the slot of the first item at or after the key, whatever the order of the searches", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 400; i++) tree.insertItems([extent(i * 8192)]);
    const rng = seedrandom("slots");
    for (let n = 0; n < 3000; n++) {
      // Runs of nearby keys (the last slot is right) mixed with jumps (it is not), present or not.
      const at = n % 3 === 0 ? Math.floor(rng() * 820) * 4096 : ((n * 4096) % (820 * 4096));
      const k = key(257, KEY_TYPE.EXTENT_DATA, at);
      const path = tree.search(k, { copy: true, charge: false });
      const items = (path.nodes[0] as Leaf).items;
      const expected = items.findIndex((it) => compareKeys(it.key, k) >= 0);
      expect(path.slots[0]).toBe(expected === -1 ? items.length : expected);
      expect(path.found).toBe(at % 8192 === 0 && at < 400 * 8192);
    }
  });

  it("charges a search level per block on the path, unless told not to", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 300; i++) tree.insertItems([extent(i * 4096)]);
    expect(tree.height).toBe(2);
    const before = host.cpu.counts.btreeSearchLevel;
    tree.search(extentKey(7 * 4096));
    expect(host.cpu.counts.btreeSearchLevel - before).toBe(2);
    tree.search(extentKey(250 * 4096), { charge: false });
    expect(host.cpu.counts.btreeSearchLevel - before).toBe(2);
  });

  it("returns the tree's own path by default, and with copy one that later searches do not move", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 300; i++) tree.insertItems([extent(i * 4096)]);
    const shared = tree.search(extentKey(10 * 4096));
    const kept = tree.search(extentKey(10 * 4096), { copy: true });
    expect(kept).not.toBe(shared);
    expect(kept).toEqual({ nodes: shared.nodes, slots: shared.slots, found: true });
    const again = tree.search(extentKey(280 * 4096));
    expect(again).toBe(shared);
    expect(shared.slots[0]).not.toBe(kept.slots[0]);
    expect((kept.nodes[0] as Leaf).items[kept.slots[0]!]?.key.offset).toBe(10 * 4096);
  });
});
