// A Latin hypercube: every dimension's n strata hold exactly one of the n points, and the same seed
// gives the same points. (Reference: McKay, Beckman and Conover 1979.)
import { describe, expect, it } from "vitest";
import { latinHypercube } from "../../lib/index.ts";

describe("latinHypercube", () => {
  it("puts one point in each stratum of every dimension", () => {
    const n = 17;
    const points = latinHypercube(5, n, "s");
    expect(points).toHaveLength(n);
    for (let d = 0; d < 5; d++) {
      const strata = points.map((p) => Math.floor((p[d] as number) * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      for (const p of points) {
        expect(p[d]).toBeGreaterThanOrEqual(0);
        expect(p[d]).toBeLessThan(1);
      }
    }
  });

  it("is seeded: the same seed, the same points; another seed, others", () => {
    expect(latinHypercube(3, 8, "a")).toEqual(latinHypercube(3, 8, "a"));
    expect(latinHypercube(3, 8, "a")).not.toEqual(latinHypercube(3, 8, "b"));
  });

  it("refuses an empty sample", () => {
    expect(() => latinHypercube(2, 0, "a")).toThrow(RangeError);
  });
});
