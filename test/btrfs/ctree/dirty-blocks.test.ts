// The dirty-block list against a Set of blocks: same members, same insertion order, through random
// adds and deletes (with compactions), and blocks of another tree's list are not members.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { DirtyBlocks } from "../../../btrfs/ctree/dirty-blocks.ts";
import type { Leaf } from "../../../btrfs/ctree/tree-block.ts";

const leaf = (bytenr: number): Leaf => ({ level: 0, bytenr, generation: 1, owner: 5, written: false, dirtyAt: -1, items: [], usedBytes: 0, version: 0, itemsShared: false });

describe("DirtyBlocks", () => {
  it("holds what a Set would, in the same order, through random adds and deletes", () => {
    const rnd = seedrandom.alea("dirty");
    const blocks = Array.from({ length: 300 }, (_, i) => leaf(i));
    const list = new DirtyBlocks();
    const set = new Set<Leaf>();
    for (let step = 0; step < 20000; step++) {
      const b = blocks[Math.floor(rnd() * blocks.length)] as Leaf;
      if (rnd() < 0.5) {
        list.add(b);
        set.add(b);
      } else {
        expect(list.delete(b)).toBe(set.delete(b));
      }
      if (step % 997 === 0) {
        expect(list.toArray()).toEqual([...set]);
        expect([...list]).toEqual([...set]);
        expect(list.size).toBe(set.size);
        for (const x of blocks) expect(list.has(x)).toBe(set.has(x));
      }
      if (step % 5003 === 5002) {
        list.clear();
        set.clear();
        expect(blocks.every((x) => x.dirtyAt === -1)).toBe(true);
      }
    }
  });

  it("take hands over the blocks in order and leaves none dirty", () => {
    const list = new DirtyBlocks();
    const [x, y, z] = [leaf(1), leaf(2), leaf(3)] as const;
    list.add(x);
    list.add(y);
    list.add(z);
    list.delete(y);
    expect(list.take()).toEqual([x, z]);
    expect(list.size).toBe(0);
    expect([x, y, z].map((b) => list.has(b))).toEqual([false, false, false]);
    list.add(y);
    expect(list.take()).toEqual([y]);
  });

  it("does not count a block dirty in another tree's list", () => {
    const a = new DirtyBlocks();
    const b = new DirtyBlocks();
    const x = leaf(1);
    const y = leaf(2);
    a.add(x);
    b.add(y);
    expect(b.has(x)).toBe(false);
    expect(b.delete(x)).toBe(false);
    expect(a.has(x)).toBe(true);
  });
});
