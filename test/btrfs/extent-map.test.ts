// The extent map tree as the patch changed it (generations, the modified_extents list, merging)
// and as 4e2f84e did in Linux 3.7 (each map's modified range, mod_start/mod_len).
import { describe, expect, it } from "vitest";
import { CPU_PARAMS, CpuMeter } from "../../btrfs/index.ts";
import { paramDefaults } from "../../lib/index.ts";
import { EXTENT_FLAG, ExtentMapTree } from "../../btrfs/extent-map.ts";

const K = 4096;
const tree = (): ExtentMapTree => new ExtentMapTree(new CpuMeter(paramDefaults(CPU_PARAMS)));
const shape = (t: ExtentMapTree): Array<[number, number, number]> => t.maps.map((m) => [m.start / K, m.len / K, m.generation]);
/** Each map's modified range, [start, end) in pages. */
const mods = (t: ExtentMapTree): Array<[number, number]> => t.maps.map((m) => [m.modStart / K, (m.modStart + m.modLen) / K]);

describe("ExtentMapTree", () => {
  it("splits a prealloc map around a pinned write; the pieces keep their generation and join the modified list", () => {
    const t = tree();
    t.add({ start: 0, len: 16 * K, blockStart: 1000 * K, flags: EXTENT_FLAG.PREALLOC, generation: 5 }, true);
    t.modified.clear();
    t.drop(4 * K, 5 * K);
    t.add({ start: 4 * K, len: K, blockStart: 1004 * K, flags: EXTENT_FLAG.PINNED, generation: 0 }, false);
    expect(shape(t)).toEqual([[0, 4, 5], [4, 1, 0], [5, 11, 5]]);
    expect([...t.modified].map((m) => m.start / K)).toEqual([0, 5]);
  });

  it("on unpin, stamps the generation, lists the map, and merges it with a written neighbour", () => {
    const t = tree();
    t.add({ start: 0, len: K, blockStart: 1000 * K, flags: 0, generation: 3 }, false);
    t.add({ start: K, len: K, blockStart: 1001 * K, flags: EXTENT_FLAG.PINNED, generation: 0 }, false);
    expect(t.maps).toHaveLength(2); // a pinned map never merges
    t.unpin(K, 9);
    expect(shape(t)).toEqual([[0, 2, 9]]);
    expect([...t.modified].map((m) => [m.start / K, m.len / K])).toEqual([[0, 2]]);
  });

  it("does not merge across different flags or a gap on disk", () => {
    const t = tree();
    t.add({ start: 0, len: K, blockStart: 1000 * K, flags: EXTENT_FLAG.PREALLOC, generation: 3 }, false);
    t.add({ start: K, len: K, blockStart: 1001 * K, flags: 0, generation: 4 }, false);
    t.add({ start: 2 * K, len: K, blockStart: 5000 * K, flags: 0, generation: 4 }, false);
    expect(t.maps).toHaveLength(3);
  });

  it("adopts a merged neighbour's newer generation and list position", () => {
    const t = tree();
    t.add({ start: 0, len: K, blockStart: 1000 * K, flags: 0, generation: 7 }, true);
    t.add({ start: K, len: K, blockStart: 1001 * K, flags: EXTENT_FLAG.PINNED, generation: 0 }, false);
    t.unpin(K, 6);
    expect(shape(t)).toEqual([[0, 2, 7]]);
    expect(t.modified.size).toBe(1);
  });
});

describe("ExtentMapTree: the modified range (4e2f84e, Linux 3.7)", () => {
  it("is the whole map when added", () => {
    const t = tree();
    t.add({ start: 2 * K, len: 3 * K, blockStart: 1000 * K, flags: EXTENT_FLAG.PINNED, generation: 0 }, false);
    expect(mods(t)).toEqual([[2, 5]]);
  });

  it("stays the newly written piece when unpin merges the map with older written neighbours on both sides", () => {
    const t = tree();
    t.add({ start: 0, len: 2 * K, blockStart: 1000 * K, flags: 0, generation: 9 }, false);
    t.add({ start: 2 * K, len: K, blockStart: 1002 * K, flags: EXTENT_FLAG.PINNED, generation: 0 }, false);
    t.add({ start: 3 * K, len: K, blockStart: 1003 * K, flags: 0, generation: 9 }, false);
    t.unpin(2 * K, 9);
    expect(shape(t)).toEqual([[0, 4, 9]]);
    expect(mods(t)).toEqual([[2, 3]]);
  });

  it("follows appends: each unpin leaves only the block just written as the merged map's range", () => {
    const t = tree();
    const ranges: Array<Array<[number, number]>> = [];
    for (let page = 0; page < 3; page++) {
      t.add({ start: page * K, len: K, blockStart: (1000 + page) * K, flags: EXTENT_FLAG.PINNED, generation: 0 }, false);
      t.unpin(page * K, 7);
      ranges.push(mods(t));
    }
    expect(shape(t)).toEqual([[0, 3, 7]]);
    expect(ranges).toEqual([[[0, 1]], [[1, 2]], [[2, 3]]]);
  });

  it("widens to the merged map when a newer neighbour is absorbed", () => {
    const t = tree();
    t.add({ start: 0, len: K, blockStart: 1000 * K, flags: 0, generation: 7 }, true);
    t.add({ start: K, len: K, blockStart: 1001 * K, flags: EXTENT_FLAG.PINNED, generation: 0 }, false);
    t.unpin(K, 6);
    expect(mods(t)).toEqual([[0, 2]]);
  });

  it("becomes the whole merged map after a write into prealloc space (PREALLOC cleared at unpin)", () => {
    const t = tree();
    t.add({ start: 0, len: 16 * K, blockStart: 1000 * K, flags: EXTENT_FLAG.PREALLOC, generation: 5 }, true);
    // Block 4 written (nocow) and unpinned, then block 5 beside it.
    for (const page of [4, 5]) {
      t.drop(page * K, (page + 1) * K);
      t.add({ start: page * K, len: K, blockStart: (1000 + page) * K, flags: EXTENT_FLAG.PINNED | EXTENT_FLAG.PREALLOC, generation: 0 }, false);
      t.unpin(page * K, 8);
    }
    expect(shape(t)).toEqual([[0, 4, 5], [4, 2, 8], [6, 10, 5]]);
    expect(t.maps.map((m) => m.flags)).toEqual([EXTENT_FLAG.PREALLOC, 0, EXTENT_FLAG.PREALLOC]);
    expect(mods(t)[1]).toEqual([4, 6]);
  });

  it("covers the whole of each piece a drop splits off, which joins the modified list", () => {
    const t = tree();
    t.add({ start: 0, len: 8 * K, blockStart: 1000 * K, flags: EXTENT_FLAG.PINNED, generation: 0 }, false);
    t.unpin(0, 3);
    t.add({ start: 8 * K, len: K, blockStart: 1008 * K, flags: EXTENT_FLAG.PINNED, generation: 0 }, false);
    t.unpin(8 * K, 3);
    expect(mods(t)).toEqual([[8, 9]]);
    t.modified.clear();
    t.drop(2 * K, 3 * K);
    expect(shape(t)).toEqual([[0, 2, 3], [3, 6, 3]]);
    expect(mods(t)).toEqual([[0, 2], [3, 9]]);
    expect([...t.modified].map((m) => m.start / K).sort((a, b) => a - b)).toEqual([0, 3]);
  });
});
