// random_distribution as fio reads it (options.c str_random_distribution_cb) and the blocks it
// picks (io_u.c, lib/zipf.c, lib/gauss.c). Expected shares are computed here from the formulas,
// independently of the code under test. Reference: fio hash.h __hash_u64 (GR_PRIME_64) for the
// scatter; t/genzipf.c for "share of hits on the hottest blocks" (it counts hashed offsets).
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import {
  blockIndexPicker,
  DIST_MSG,
  parseRandomDistribution,
  popularityRankPicker,
  type RandomDistribution,
} from "../../../workloads/fio/random-distribution.ts";
import { errorOf } from "../../helpers/input-error.ts";

const W = "job.fio:9";
const N = 1000;

/** fio's __hash_u64(v) mod n: v * 0x9e37fffffffc0001 in 64 bits. */
const fioHash = (v: number, n: number): number =>
  Number(((BigInt(v) * 0x9e37fffffffc0001n) & 0xffffffffffffffffn) % BigInt(n));

/** Share of all hits that the hottest `k` blocks get, given per-block probabilities or counts. */
function hottestShare(weights: readonly number[], k: number): number {
  const sorted = [...weights].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  return sorted.slice(0, k).reduce((a, b) => a + b, 0) / total;
}

/** Per-block probability when ranks with probabilities `rankP` are scattered as fio does (offset 0). */
function scattered(rankP: readonly number[], n: number): number[] {
  const blocks = new Array<number>(n).fill(0);
  rankP.forEach((p, rank) => {
    const b = fioHash(rank, n);
    blocks[b] = (blocks[b] as number) + p;
  });
  return blocks;
}

/** P(rank = k) under fio's zipf_next (Gray et al.): F(r) = 1 - (1 - (r/n)^(1-theta)) / eta. */
function zipfRankP(theta: number, n: number): number[] {
  let zetan = 0;
  for (let i = 1; i <= n; i++) zetan += i ** -theta;
  const eta = (1 - (2 / n) ** (1 - theta)) / (1 - (1 + 0.5 ** theta) / zetan);
  const cdf = (r: number): number => (r <= 0 ? 0 : r === 1 ? 1 / zetan : Math.min(1, 1 - (1 - (r / n) ** (1 - theta)) / eta));
  return Array.from({ length: n }, (_, k) => cdf(k + 1) - cdf(k));
}

/** P(rank = k) under pareto_next: rank = floor((n - 1) u^p), p = ln h / ln(1 - h). */
function paretoRankP(h: number, n: number): number[] {
  const e = Math.log(1 - h) / Math.log(h);
  return Array.from({ length: n }, (_, k) => (k >= n - 1 ? 0 : Math.min(1, ((k + 1) / (n - 1)) ** e) - (k / (n - 1)) ** e));
}

function counts(next: () => number, n: number, draws: number): number[] {
  const c = new Array<number>(n).fill(0);
  for (let i = 0; i < draws; i++) {
    const b = next();
    if (!(Number.isInteger(b) && b >= 0 && b < n)) throw new Error(`block ${b} out of [0, ${n})`);
    c[b] = (c[b] as number) + 1;
  }
  return c;
}

function meanAndStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

describe("parseRandomDistribution", () => {
  it("reads fio's names, values and defaults", () => {
    expect(parseRandomDistribution("random", W)).toEqual({ kind: "random" });
    expect(parseRandomDistribution("zipf:1.2", W)).toEqual({ kind: "zipf", theta: 1.2 });
    expect(parseRandomDistribution(" zipf ", W)).toEqual({ kind: "zipf", theta: 1.1 });
    expect(parseRandomDistribution("zipf:0.8", W)).toEqual({ kind: "zipf", theta: 0.8 });
    expect(parseRandomDistribution("pareto:0.3", W)).toEqual({ kind: "pareto", h: 0.3 });
    expect(parseRandomDistribution("pareto", W)).toEqual({ kind: "pareto", h: 0.2 });
    expect(parseRandomDistribution("normal:5", W)).toEqual({ kind: "normal", devPct: 5 });
    expect(parseRandomDistribution("normal", W)).toEqual({ kind: "normal", devPct: 0 });
  });

  it("reads the optional center (HOWTO: zipf:1.2:0.25)", () => {
    expect(parseRandomDistribution("zipf:1.2:0.25", W)).toEqual({ kind: "zipf", theta: 1.2, centerRatio: 0.25 });
    expect(parseRandomDistribution("pareto:0.3:1", W)).toEqual({ kind: "pareto", h: 0.3, centerRatio: 1 });
    expect(parseRandomDistribution("normal:5:0", W)).toEqual({ kind: "normal", devPct: 5, centerRatio: 0 });
  });

  it("refuses zoned and zoned_abs as not simulated, at `where`", () => {
    const zoned = errorOf(() => parseRandomDistribution("zoned:60/10:30/20:10/70", W));
    expect(zoned.where).toBe(W);
    expect(zoned.message).toBe(DIST_MSG.notSimulated("zoned"));
    expect(zoned.message).toMatch(/^option 'random_distribution=zoned' is not simulated/);
    expect(errorOf(() => parseRandomDistribution("zoned_abs:60/20g:40/100g", W)).message).toBe(DIST_MSG.notSimulated("zoned_abs"));
  });

  it("refuses values outside fio's bounds and malformed text", () => {
    const bad: [string, string][] = [
      ["zipf:1", DIST_MSG.zipfTheta("zipf:1")],
      ["zipf:1.0", DIST_MSG.zipfTheta("zipf:1.0")],
      ["zipf:-0.5", DIST_MSG.zipfTheta("zipf:-0.5")],
      ["pareto:0", DIST_MSG.paretoH("pareto:0")],
      ["pareto:1", DIST_MSG.paretoH("pareto:1")],
      ["normal:100", DIST_MSG.normalDev("normal:100")],
      ["normal:-1", DIST_MSG.normalDev("normal:-1")],
      ["zipf:1.2:1.5", DIST_MSG.center("zipf:1.2:1.5")],
      ["zipf:abc", DIST_MSG.notANumber("zipf:abc", "abc")],
      ["zipf:", DIST_MSG.notANumber("zipf:", "")],
      ["zipf:1.2:0.5:1", DIST_MSG.tooManyValues("zipf:1.2:0.5:1")],
      ["zipf:1.2,pareto:0.3", DIST_MSG.perDirection("zipf:1.2,pareto:0.3")],
      ["random:5", DIST_MSG.randomTakesNoValue("random:5")],
      ["gauss:5", DIST_MSG.unknown("gauss:5")],
      ["", DIST_MSG.unknown("")],
    ];
    for (const [text, message] of bad) {
      const e = errorOf(() => parseRandomDistribution(text, W));
      expect([text, e.where, e.message]).toEqual([text, W, message]);
    }
  });
});

describe("blockIndexPicker: random", () => {
  it("is exactly Math.floor(rng() * nBlocks), one random number per pick", () => {
    for (const n of [N, 7, 1, 262_144]) {
      const rngA = seedrandom.alea("1");
      const rngB = seedrandom.alea("1");
      const picker = blockIndexPicker({ kind: "random" }, n, rngA);
      for (let i = 0; i < 5_000; i++) expect(picker.next()).toBe(Math.floor(rngB() * n));
      expect(rngA()).toBe(rngB());
    }
  });

  it("refuses a block count that is not a positive integer", () => {
    expect(() => blockIndexPicker({ kind: "random" }, 0, Math.random)).toThrow(RangeError);
    expect(() => blockIndexPicker({ kind: "zipf", theta: 1.2 }, 2.5, Math.random)).toThrow(RangeError);
  });
});

describe("blockIndexPicker: zipf", () => {
  const draws = 200_000;

  it("zipf:1.2 over 1000 blocks: the hottest 10% draws the share genzipf's method gives", () => {
    const picker = blockIndexPicker({ kind: "zipf", theta: 1.2 }, N, seedrandom.alea("1"));
    const measured = hottestShare(counts(() => picker.next(), N, draws), N / 10);
    const expected = hottestShare(scattered(zipfRankP(1.2, N), N), N / 10); // 0.846
    expect(Math.abs(measured - expected)).toBeLessThan(0.01);
    // ...which is close to an exact Zipf law's top 10%: H(100, 1.2) / H(1000, 1.2) = 0.831.
    let top = 0;
    let all = 0;
    for (let i = 1; i <= N; i++) {
      all += i ** -1.2;
      if (i <= N / 10) top += i ** -1.2;
    }
    expect(Math.abs(measured - top / all)).toBeLessThan(0.03);
  });

  it("draws ranks with fio's zipf_next: rank 0 at 1/zeta(n), the top tenth at F(100)", () => {
    const ranks = popularityRankPicker({ kind: "zipf", theta: 1.2 }, N, seedrandom.alea("1"));
    const c = counts(() => ranks.next(), N, draws);
    const p = zipfRankP(1.2, N);
    expect((c[0] as number) / draws).toBeCloseTo(p[0] as number, 2);
    const topMeasured = c.slice(0, N / 10).reduce((a, b) => a + b, 0) / draws;
    expect(topMeasured).toBeCloseTo(p.slice(0, N / 10).reduce((a, b) => a + b, 0), 2);
  });

  it("a lower theta is flatter (zipf:0.8)", () => {
    const picker = blockIndexPicker({ kind: "zipf", theta: 0.8 }, N, seedrandom.alea("1"));
    const measured = hottestShare(counts(() => picker.next(), N, draws), N / 10);
    expect(Math.abs(measured - hottestShare(scattered(zipfRankP(0.8, N), N), N / 10))).toBeLessThan(0.01);
  });

  it("spreads the hot blocks over the file, rotated by an offset drawn from the rng", () => {
    const picker = blockIndexPicker({ kind: "zipf", theta: 1.2 }, N, seedrandom.alea("1"));
    const hits = counts(() => picker.next(), N, 50_000);
    const hottest = hits.map((h, b) => ({ h, b })).sort((x, y) => y.h - x.h).slice(0, N / 10).map((x) => x.b);
    const quarters = new Set(hottest.map((b) => Math.floor((b * 4) / N)));
    expect(quarters.size).toBe(4);
  });

  it("puts the hottest block at center * nBlocks (__hash_u64(0) = 0)", () => {
    const picker = blockIndexPicker({ kind: "zipf", theta: 1.2, centerRatio: 0.25 }, N, seedrandom.alea("1"));
    const hits = counts(() => picker.next(), N, 20_000);
    expect(hits.indexOf(Math.max(...hits))).toBe(250);
  });
});

describe("blockIndexPicker: pareto", () => {
  const draws = 200_000;

  it("pareto:0.3 over 1000 blocks: the hottest 10% draws the share genzipf's method gives", () => {
    const picker = blockIndexPicker({ kind: "pareto", h: 0.3 }, N, seedrandom.alea("1"));
    const measured = hottestShare(counts(() => picker.next(), N, draws), N / 10);
    expect(Math.abs(measured - hottestShare(scattered(paretoRankP(0.3, N), N), N / 10))).toBeLessThan(0.01); // 0.527
  });

  it("draws ranks so that a fraction h of them gets 1 - h of the hits (pareto:0.2 is 80/20)", () => {
    for (const h of [0.2, 0.3]) {
      const ranks = popularityRankPicker({ kind: "pareto", h }, N, seedrandom.alea("1"));
      const c = counts(() => ranks.next(), N, draws);
      const topH = c.slice(0, Math.round(h * N)).reduce((a, b) => a + b, 0) / draws;
      expect(topH).toBeCloseTo(1 - h, 1.5);
    }
  });

  it("puts the hottest block at center * nBlocks", () => {
    const picker = blockIndexPicker({ kind: "pareto", h: 0.2, centerRatio: 0.6 }, N, seedrandom.alea("1"));
    const hits = counts(() => picker.next(), N, 20_000);
    expect(hits.indexOf(Math.max(...hits))).toBe(600);
  });
});

describe("blockIndexPicker: normal", () => {
  /** gauss.c: the mean of 12 uniform integers in [0, n] has variance n(n+2)/144; the jitter (w^2-1)/12. */
  const expectedStd = (n: number, devPct: number): number => {
    const w = devPct === 0 ? 0 : Math.min(Math.ceil((n * devPct) / 100), Math.floor(n / 2));
    return Math.sqrt((n * (n + 2)) / 144 + (w === 0 ? 0 : (w * w - 1) / 12));
  };

  it("draws ranks centred on the middle with the spread dev gives", () => {
    for (const devPct of [0, 10, 30]) {
      const ranks = popularityRankPicker({ kind: "normal", devPct }, N, seedrandom.alea("1"));
      const { mean, std } = meanAndStd(Array.from({ length: 50_000 }, () => ranks.next()));
      expect(Math.abs(mean - N / 2)).toBeLessThan(2);
      expect(std / expectedStd(N, devPct)).toBeCloseTo(1, 1.5);
    }
    expect(expectedStd(N, 30) / expectedStd(N, 0)).toBeGreaterThan(1.4); // dev is visible
  });

  it("scatters each rank with fio's hash, rotated by (center - 0.5) * nBlocks", () => {
    for (const [dist, offset] of [
      [{ kind: "normal", devPct: 5 }, 0],
      [{ kind: "normal", devPct: 5, centerRatio: 0.75 }, 250],
      [{ kind: "normal", devPct: 5, centerRatio: 0.25 }, 750],
    ] as const) {
      const blocks = blockIndexPicker(dist, N, seedrandom.alea("3"));
      const ranks = popularityRankPicker(dist, N, seedrandom.alea("3"));
      for (let i = 0; i < 2_000; i++) expect(blocks.next()).toBe((fioHash(ranks.next(), N) + offset) % N);
    }
  });
});

describe("determinism", () => {
  it("gives the same blocks for the same seed and different ones for another", () => {
    const dists: RandomDistribution[] = [
      { kind: "zipf", theta: 1.2 },
      { kind: "pareto", h: 0.3 },
      { kind: "normal", devPct: 5 },
    ];
    for (const dist of dists) {
      const seq = (seed: string): number[] => {
        const p = blockIndexPicker(dist, N, seedrandom.alea(seed));
        return Array.from({ length: 300 }, () => p.next());
      };
      expect(seq("1")).toEqual(seq("1"));
      expect(seq("2")).not.toEqual(seq("1"));
    }
  });
});
