// fio's random_distribution: which block a random I/O goes to (options.c
// str_random_distribution_cb; io_u.c get_next_rand_offset; lib/zipf.c, lib/gauss.c).
//
// random is uniform. zipf, pareto and normal first draw a popularity rank (0 = hottest), then
// scatter it over the file the way fio does for offsets: block = (__hash_u64(rank) + offset) mod
// nBlocks, a multiplicative hash (hash.h GR_PRIME_64), so the hot blocks are spread over the file
// and some blocks share a rank's hits while others get none. The offset is drawn at set-up for zipf
// and pareto (shared_rand_init), 0 for normal; the optional ":center" (fio >= 3.26) fixes it:
// center*nBlocks for zipf and pareto, which puts the hottest block there (__hash_u64(0) = 0), and
// (center - 0.5)*nBlocks for normal.
//   zipf:theta   Gray et al.'s approximation with zeta(n, theta) summed over at most 10M ranks
//                (zipf_update); theta >= 0, not 1; fio's default 1.1.
//   pareto:h     rank = floor((n - 1) * u^(ln h / ln(1 - h))), so about a fraction h of the ranks
//                draws 1 - h of the hits; 0 < h < 1; default 0.2.
//   normal:dev   the mean of 12 uniform integers in [0, n], plus a uniform jitter of width
//                ceil(n * dev / 100) (at most n/2), halved until it stays inside; 0 <= dev < 100;
//                default 0. fio hashes this rank too, so the bell is in popularity, not in position.
// fio disables its random map for these three (HOWTO); that is the caller's concern.
// Stricter than fio: zoned and zoned_abs are refused (not simulated); so are a negative zipf theta
// and a parameter after "random" (fio ignores it).
import { InputError } from "../../lib/input-error.ts";

export type RandomDistribution =
  | { readonly kind: "random" }
  | { readonly kind: "zipf"; readonly theta: number; readonly centerRatio?: number }
  | { readonly kind: "pareto"; readonly h: number; readonly centerRatio?: number }
  | { readonly kind: "normal"; readonly devPct: number; readonly centerRatio?: number };

type Skewed = Exclude<RandomDistribution, { kind: "random" }>;

/** fio's defaults when no value is given (fio.h FIO_DEF_ZIPF, FIO_DEF_PARETO; gauss 0.0). */
export const DIST_DEFAULTS = { zipfTheta: 1.1, paretoH: 0.2, normalDevPct: 0 } as const;
/** zipf_update sums zeta over at most this many ranks (ZIPF_MAX_GEN). */
export const ZIPF_MAX_GEN = 10_000_000;
/** Uniform draws averaged per normal rank (gauss.c GAUSS_ITERS). */
export const GAUSS_ITERS = 12;
/** hash.h GR_PRIME_64, the multiplier of __hash_u64. */
const GR_PRIME_64 = 0x9e37fffffffc0001n;

const CHOICES = ["random", "zipf", "pareto", "normal", "zoned", "zoned_abs"] as const;
const KEY = "random_distribution";

export const DIST_MSG = {
  unknown: (text: string) => `option '${KEY}': '${text}' is not one of ${CHOICES.join(", ")}`,
  notSimulated: (name: string) =>
    `option '${KEY}=${name}' is not simulated (fsyncsim models random, zipf, pareto and normal)`,
  perDirection: (text: string) =>
    `option '${KEY}': '${text}': separate read,write distributions are only for zoned, which is not simulated`,
  randomTakesNoValue: (text: string) => `option '${KEY}': '${text}': random takes no value`,
  tooManyValues: (text: string) => `option '${KEY}': '${text}' has more than a value and a center (name:value:center)`,
  notANumber: (text: string, part: string) => `option '${KEY}': '${text}': '${part}' is not a number`,
  zipfTheta: (text: string) => `option '${KEY}': '${text}': zipf theta must be at least 0 and not 1`,
  paretoH: (text: string) => `option '${KEY}': '${text}': pareto h must be above 0 and below 1`,
  normalDev: (text: string) => `option '${KEY}': '${text}': normal deviation must be at least 0 and below 100 (percent)`,
  center: (text: string) => `option '${KEY}': '${text}': the center must be from 0 to 1`,
} as const;

/** "random", "zipf[:theta[:center]]", "pareto[:h[:center]]", "normal[:dev[:center]]". */
export function parseRandomDistribution(text: string, where: string): RandomDistribution {
  const t = text.trim();
  const [name = "", valueText, centerText, ...rest] = t.split(":").map((p) => p.trim());
  if (name === "zoned" || name === "zoned_abs") throw new InputError(where, DIST_MSG.notSimulated(name));
  if (t.includes(",")) throw new InputError(where, DIST_MSG.perDirection(t));
  if (!(CHOICES as readonly string[]).includes(name)) throw new InputError(where, DIST_MSG.unknown(t));
  if (name === "random") {
    if (valueText !== undefined) throw new InputError(where, DIST_MSG.randomTakesNoValue(t));
    return { kind: "random" };
  }
  if (rest.length > 0) throw new InputError(where, DIST_MSG.tooManyValues(t));
  const value = valueText === undefined ? undefined : number(t, valueText, where);
  const centerRatio = centerText === undefined ? undefined : number(t, centerText, where);
  if (centerRatio !== undefined && !(centerRatio >= 0 && centerRatio <= 1)) throw new InputError(where, DIST_MSG.center(t));
  const center = centerRatio === undefined ? {} : { centerRatio };
  if (name === "zipf") {
    const theta = value ?? DIST_DEFAULTS.zipfTheta;
    if (theta < 0 || theta === 1) throw new InputError(where, DIST_MSG.zipfTheta(t));
    return { kind: "zipf", theta, ...center };
  }
  if (name === "pareto") {
    const h = value ?? DIST_DEFAULTS.paretoH;
    if (!(h > 0 && h < 1)) throw new InputError(where, DIST_MSG.paretoH(t));
    return { kind: "pareto", h, ...center };
  }
  const devPct = value ?? DIST_DEFAULTS.normalDevPct;
  if (!(devPct >= 0 && devPct < 100)) throw new InputError(where, DIST_MSG.normalDev(t));
  return { kind: "normal", devPct, ...center };
}

/** Picks block indices in [0, nBlocks) with the distribution (fio's io_u.c + lib/zipf.c / lib/gauss.c). */
export interface BlockIndexPicker {
  next(): number;
}

export function blockIndexPicker(dist: RandomDistribution, nBlocks: number, rng: () => number): BlockIndexPicker {
  checkBlocks(nBlocks);
  if (dist.kind === "random") return { next: () => Math.floor(rng() * nBlocks) };
  const offset = scatterOffset(dist, nBlocks, rng);
  const ranks = popularityRankPicker(dist, nBlocks, rng);
  const n = BigInt(nBlocks);
  return { next: () => (Number(BigInt.asUintN(64, BigInt(ranks.next()) * GR_PRIME_64) % n) + offset) % nBlocks };
}

/**
 * fio's value before the hash: a popularity rank in [0, nBlocks), 0 the most likely for zipf and
 * pareto, nBlocks/2 for normal. Exported so the shape can be checked without the scatter.
 */
export function popularityRankPicker(dist: Skewed, nBlocks: number, rng: () => number): BlockIndexPicker {
  checkBlocks(nBlocks);
  if (dist.kind === "zipf") return zipfRanks(dist.theta, nBlocks, rng);
  if (dist.kind === "pareto") return paretoRanks(dist.h, nBlocks, rng);
  return normalRanks(dist.devPct, nBlocks, rng);
}

/** lib/zipf.c zipf_init + zipf_next. */
function zipfRanks(theta: number, n: number, rng: () => number): BlockIndexPicker {
  let zetan = 0;
  for (let i = 0, terms = Math.min(n, ZIPF_MAX_GEN); i < terms; i++) zetan += (1 / (i + 1)) ** theta;
  const second = 0.5 ** theta;
  const zeta2 = 1 + second;
  const alpha = 1 / (1 - theta);
  const eta = (1 - (2 / n) ** (1 - theta)) / (1 - zeta2 / zetan);
  return {
    next: () => {
      const u = rng();
      const z = u * zetan;
      if (z < 1) return 0;
      if (z < 1 + second) return Math.min(1, n - 1);
      return Math.min(Math.floor(n * (eta * u - eta + 1) ** alpha), n - 1);
    },
  };
}

/** lib/zipf.c pareto_init + pareto_next. */
function paretoRanks(h: number, n: number, rng: () => number): BlockIndexPicker {
  const power = Math.log(h) / Math.log(1 - h);
  return { next: () => Math.floor((n - 1) * rng() ** power) };
}

/** lib/gauss.c gauss_init + gauss_next (before its __hash_u64). */
function normalRanks(devPct: number, n: number, rng: () => number): BlockIndexPicker {
  const width = devPct === 0 ? 0 : Math.min(Math.ceil((n * devPct) / 100), Math.floor(n / 2));
  return {
    next: () => {
      let sum = 0;
      for (let i = 0; i < GAUSS_ITERS; i++) sum += Math.floor(rng() * (n + 1));
      let rank = Math.floor((sum + GAUSS_ITERS - 1) / GAUSS_ITERS);
      if (width > 0) {
        let jitter = Math.floor(width * rng()) - Math.floor(width / 2);
        // fio halves while rank + jitter >= n; a negative sum wraps in its unsigned arithmetic, so
        // it is halved too.
        while (jitter !== 0 && (rank + jitter >= n || rank + jitter < 0)) jitter = Math.trunc(jitter / 2);
        rank += jitter;
      }
      return Math.min(rank, n - 1);
    },
  };
}

/** The rotation added after the hash (zipf.c shared_rand_init, gauss.c gauss_init), in [0, n). */
function scatterOffset(dist: Skewed, n: number, rng: () => number): number {
  if (dist.kind === "normal") {
    const shift = dist.centerRatio === undefined ? 0 : Math.trunc(n * (dist.centerRatio - 0.5));
    return ((shift % n) + n) % n;
  }
  if (dist.centerRatio !== undefined) return Math.floor(n * dist.centerRatio) % n; // center 1 wraps to 0, as in fio
  return Math.floor(rng() * n);
}

function checkBlocks(nBlocks: number): void {
  if (!Number.isSafeInteger(nBlocks) || nBlocks < 1) throw new RangeError(`nBlocks must be a positive integer, got ${nBlocks}`);
}

function number(text: string, part: string, where: string): number {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(part)) throw new InputError(where, DIST_MSG.notANumber(text, part));
  return Number(part);
}
