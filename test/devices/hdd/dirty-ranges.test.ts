// The write cache's dirty set against a naive per-sector model.
import { describe, expect, it } from "vitest";
import { DirtyRanges } from "../../../devices/hdd/dirty-ranges.ts";

describe("DirtyRanges", () => {
  it("merges overlapping and touching writes into one range", () => {
    const d = new DirtyRanges();
    d.add(100, 8);
    d.add(108, 8);
    d.add(96, 6);
    d.add(200, 8);
    expect(d.ranges).toEqual([{ start: 96, count: 20 }, { start: 200, count: 8 }]);
    expect(d.sectors).toBe(28);
  });

  it("splits a range when a write-through supersedes its middle", () => {
    const d = new DirtyRanges();
    d.add(0, 100);
    d.remove(40, 10);
    expect(d.ranges).toEqual([{ start: 0, count: 40 }, { start: 50, count: 50 }]);
    expect(d.covers(0, 40)).toBe(true);
    expect(d.covers(35, 10)).toBe(false);
  });

  it("agrees with a per-sector set over random adds, removes and takes", () => {
    const d = new DirtyRanges();
    const naive = new Set<number>();
    let s = 99;
    const rnd = (n: number): number => Math.floor(((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
    for (let i = 0; i < 3000; i++) {
      const start = rnd(2000);
      const count = 1 + rnd(40);
      const op = rnd(10);
      if (op < 6) {
        d.add(start, count);
        for (let x = start; x < start + count; x++) naive.add(x);
      } else if (op < 9) {
        d.remove(start, count);
        for (let x = start; x < start + count; x++) naive.delete(x);
      } else if (d.ranges.length > 0) {
        const r = d.takeAt(rnd(d.ranges.length));
        for (let x = r.start; x < r.start + r.count; x++) naive.delete(x);
      }
      expect(d.sectors).toBe(naive.size);
    }
    for (let i = 1; i < d.ranges.length; i++) {
      expect(d.ranges[i]!.start).toBeGreaterThan(d.ranges[i - 1]!.start + d.ranges[i - 1]!.count);
    }
    for (let x = 0; x < 2100; x++) expect(d.covers(x, 1)).toBe(naive.has(x));
  });
});
