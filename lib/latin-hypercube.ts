// A Latin-hypercube sample (McKay, Beckman and Conover, Technometrics 21(2), 1979): n points in the
// unit cube of `dimensions` dimensions such that, along every dimension, each of the n equal strata
// holds exactly one point, the point placed uniformly within its stratum. It covers each
// parameter's range with n runs where independent random draws would leave gaps. Seeded: the same
// seed gives the same points.
import seedrandom from "seedrandom";

/** `n` points, each `dimensions` coordinates in [0, 1). */
export function latinHypercube(dimensions: number, n: number, seed: string): number[][] {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`a Latin hypercube needs at least one point, not ${n}`);
  const rng = seedrandom.alea(`${seed}/latin-hypercube`);
  const points: number[][] = Array.from({ length: n }, () => new Array<number>(dimensions).fill(0));
  for (let d = 0; d < dimensions; d++) {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [strata[i], strata[j]] = [strata[j] as number, strata[i] as number];
    }
    for (let i = 0; i < n; i++) (points[i] as number[])[d] = ((strata[i] as number) + rng()) / n;
  }
  return points;
}
