// partitionPoint: the binary search the simulator's sorted arrays share (all but the B-tree's own).
import { describe, expect, it } from "vitest";
import { partitionPoint } from "../../lib/partition-point.ts";

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
