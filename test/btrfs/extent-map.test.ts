// The extent map tree as the patch changed it: generations, the modified_extents list, merging.
import { describe, expect, it } from "vitest";
import { CPU_PARAMS, CpuMeter } from "../../btrfs/index.ts";
import { paramDefaults } from "../../lib/index.ts";
import { EXTENT_FLAG, ExtentMapTree } from "../../btrfs/extent-map.ts";

const K = 4096;
const tree = (): ExtentMapTree => new ExtentMapTree(new CpuMeter(paramDefaults(CPU_PARAMS)));
const shape = (t: ExtentMapTree): Array<[number, number, number]> => t.maps.map((m) => [m.start / K, m.len / K, m.generation]);

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
