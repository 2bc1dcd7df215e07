// partitionPoint and partitionPointOf: the binary searches the simulator's sorted arrays share
// (all but the B-tree's leaf and node searches).
import { describe, expect, it } from "vitest";
import { partitionPoint, partitionPointOf } from "../../lib/partition-point.ts";

describe("partitionPoint", () => {
  it("agrees with a linear scan for every split of arrays up to 40 long", () => {
    for (let n = 0; n <= 40; n++) {
      for (let split = 0; split <= n; split++) {
        const probed: number[] = [];
        const got = partitionPoint(n, (i) => {
          probed.push(i);
          return i < split;
        });
        expect(got).toBe(split);
        expect(probed.every((i) => i >= 0 && i < n)).toBe(true);
        expect(probed.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n + 1)));
      }
    }
  });

  it("finds lower and upper bounds in a sorted array with duplicates", () => {
    const xs = [1, 3, 3, 3, 7, 9];
    expect(partitionPoint(xs.length, (i) => (xs[i] as number) < 3)).toBe(1);
    expect(partitionPoint(xs.length, (i) => (xs[i] as number) <= 3)).toBe(4);
    expect(partitionPoint(xs.length, (i) => (xs[i] as number) < 0)).toBe(0);
    expect(partitionPoint(xs.length, (i) => (xs[i] as number) <= 9)).toBe(6);
  });
});

describe("partitionPointOf", () => {
  const below = (x: number, limit: number): boolean => x < limit;

  it("agrees with a linear scan from every start, for every split of arrays up to 30 long", () => {
    for (let n = 0; n <= 30; n++) {
      const xs = Array.from({ length: n }, (_, i) => i);
      for (let from = 0; from <= n; from++) {
        for (let split = 0; split <= n; split++) expect(partitionPointOf(xs, from, split, below)).toBe(Math.max(from, split));
      }
    }
  });

  it("finds lower and upper bounds in a sorted array with duplicates, with the key passed beside the test", () => {
    const xs = [1, 3, 3, 3, 7, 9];
    const atMost = (x: number, limit: number): boolean => x <= limit;
    expect(partitionPointOf(xs, 0, 3, below)).toBe(1);
    expect(partitionPointOf(xs, 0, 3, atMost)).toBe(4);
    expect(partitionPointOf(xs, 2, 3, below)).toBe(2);
    expect(partitionPointOf(xs, 0, 9, atMost)).toBe(6);
  });
});
