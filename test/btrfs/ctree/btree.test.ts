// The B-tree as its callers see it (ctree/btree.ts): byte-accurate capacities, and order, sizes
// and parent keys kept through random inserts and deletes.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { KEY_TYPE, key } from "../../../btrfs/ctree/key.ts";
import { FakeHost, checkTree } from "./fake-host.ts";
import { ALL, END, extent } from "./tree-fixtures.ts";

describe("BTree", () => {
  it("holds 121 key pointers (33 bytes) per 4 KiB node and 208 extent items per 16 KiB leaf", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    expect(tree.nodeCapacityPtrs).toBe(121);
    host.nodesize = 16384;
    const big = new BTree(host, 5);
    expect(Math.floor(big.leafCapacityBytes / 78)).toBe(208);
  });

  it("keeps order, sizes and parent keys through random inserts and deletes", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    const rnd = seedrandom.alea("btree");
    const present = new Set<number>();
    for (let step = 0; step < 6000; step++) {
      const off = Math.floor(rnd() * 3000) * 4096;
      if (!present.has(off) && rnd() < 0.6) {
        tree.insertItems([extent(off)]);
        present.add(off);
      } else if (present.has(off)) {
        const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, off), { cow: true, copy: true });
        expect(path.found).toBe(true);
        tree.deleteItems(path, path.slots[0]!, 1);
        present.delete(off);
      }
      if (step % 500 === 0) checkTree(tree);
    }
    expect(checkTree(tree)).toBe(present.size);
    expect(tree.itemsInRange(ALL, END).map((i) => i.key.offset)).toEqual([...present].sort((a, b) => a - b));
  });

  it("lists every block once, root first", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 400; i++) tree.insertItems([extent(i * 4096)]);
    const blocks = [...tree.blocks()];
    expect(blocks[0]).toBe(tree.root);
    expect(new Set(blocks.map((b) => b.bytenr)).size).toBe(blocks.length);
    expect(blocks.length).toBe(1 + (tree.root as { children: unknown[] }).children.length);
  });
});
