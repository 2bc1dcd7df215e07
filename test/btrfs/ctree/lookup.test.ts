// The read-only lookups (ctree/lookup.ts): each a search, then steps into the next or previous
// leaf where it runs off its own, charged as the kernel's searches and btrfs_next_leaf are.
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import type { Item } from "../../../btrfs/ctree/items.ts";
import { KEY_TYPE, key } from "../../../btrfs/ctree/key.ts";
import { FakeHost } from "./fake-host.ts";
import { extent, extentKey } from "./tree-fixtures.ts";

describe("lookups", () => {
  it("visits items in key order across leaves from a key until told to stop, charging a search per leaf", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 51 * 6; i++) tree.insertItems([extent(i * 4096)]);
    expect(tree.height).toBe(2);
    const seen: number[] = [];
    const before = host.cpu.counts.btreeSearchLevel;
    tree.visitFrom(key(257, KEY_TYPE.EXTENT_DATA, 10 * 4096 + 1), (it) => {
      if (it.key.offset >= 200 * 4096) return false;
      seen.push(it.key.offset / 4096);
      return true;
    });
    expect(seen).toEqual(Array.from({ length: 189 }, (_, i) => 11 + i));
    // A search for the start, then one per leaf stepped into (items 11..200 lie in several leaves).
    const leafOf = (o: number): unknown => tree.search(key(257, KEY_TYPE.EXTENT_DATA, o * 4096), { copy: true, charge: false }).nodes[0];
    const leaves = new Set([...seen, 200].map(leafOf));
    expect(leaves.size).toBeGreaterThan(2);
    expect(host.cpu.counts.btreeSearchLevel - before).toBe(tree.height * leaves.size);
    // From past the last item: nothing, one search.
    const none: Item[] = [];
    tree.visitFrom(key(258, 0, 0), (it) => none.push(it) > 0);
    expect(none).toEqual([]);
  });

  it("finds the item at a key, the first at or after it and the last before it, across leaf edges", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 51 * 4; i++) tree.insertItems([extent(i * 8192)]);
    expect(tree.height).toBe(2);
    for (let o = 0; o < 51 * 4 * 2; o++) {
      const k = extentKey(o * 4096);
      expect(tree.lookup(k)?.key.offset).toBe(o % 2 === 0 ? o * 4096 : undefined);
      expect(tree.firstAtOrAfter(k)?.key.offset).toBe(o < 51 * 4 * 2 - 1 ? Math.ceil(o / 2) * 8192 : undefined);
      expect(tree.lastBefore(k)?.key.offset).toBe(o === 0 ? undefined : Math.floor((o - 1) / 2) * 8192);
    }
  });
});
