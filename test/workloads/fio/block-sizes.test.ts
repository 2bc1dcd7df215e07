// bs, bsrange and bssplit as fio reads them (parse.c handle_option, options.c bssplit_ddir) and the
// size of each I/O (io_u.c get_next_buflen). Reference: fio HOWTO "Block size" for the examples.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import {
  BlockSizePicker,
  maxBlockBytes,
  minBlockBytes,
  parseBs,
  parseBsrange,
  parseBssplit,
  type BlockSizeSpec,
} from "../../../workloads/fio/block-sizes.ts";
import { BS_MSG } from "../../../workloads/fio/bs-messages.ts";
import { errorOf } from "../../helpers/input-error.ts";

const K = 1024;
const W = "job.fio:7";
const fixed = (bytes: number): BlockSizeSpec => ({ kind: "fixed", bytes });

/** Share of each size over `draws` picks. */
function shares(picker: BlockSizePicker, draws: number, maxBytes?: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < draws; i++) {
    const b = picker.next(maxBytes);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  return new Map([...counts].map(([b, c]) => [b, c / draws]));
}

describe("parseBs", () => {
  it("applies one size to reads and writes, with kb_base", () => {
    expect(parseBs("4k", 1024, W)).toEqual({ read: fixed(4 * K), write: fixed(4 * K) });
    expect(parseBs("4k", 1000, W)).toEqual({ read: fixed(4000), write: fixed(4000) });
    expect(parseBs(" 512 ", 1024, W)).toEqual({ read: fixed(512), write: fixed(512) });
  });

  it("reads R,W[,T] with fio's rule: an empty value keeps the default 4096", () => {
    expect(parseBs("8k,32k", 1024, W)).toEqual({ read: fixed(8 * K), write: fixed(32 * K) });
    expect(parseBs("8k,32k,", 1024, W)).toEqual({ read: fixed(8 * K), write: fixed(32 * K) });
    expect(parseBs("8k,32k,64k", 1024, W)).toEqual({ read: fixed(8 * K), write: fixed(32 * K) });
    expect(parseBs(",8k", 1024, W)).toEqual({ read: fixed(4096), write: fixed(8 * K) });
    expect(parseBs(",8k,", 1024, W)).toEqual({ read: fixed(4096), write: fixed(8 * K) });
    expect(parseBs("8k,", 1024, W)).toEqual({ read: fixed(8 * K), write: fixed(4096) });
  });

  it("refuses zero, negative, fractional and malformed sizes, naming bs, the value and where", () => {
    const zero = errorOf(() => parseBs("0", 1024, W));
    expect(zero.where).toBe(W);
    expect(zero.message).toBe(BS_MSG.zero("bs", "0"));
    expect(errorOf(() => parseBs("4k,0", 1024, W)).message).toBe(BS_MSG.zero("bs", "0"));
    expect(errorOf(() => parseBs("-4k", 1024, W)).message).toMatch(/option 'bs': '-4k' is negative/);
    expect(errorOf(() => parseBs("1.5k", 1024, W)).message).toMatch(/option 'bs': '1\.5k' is not a whole number/);
    expect(errorOf(() => parseBs("4k,8k,x", 1024, W)).message).toMatch(/option 'bs': 'x'/);
    expect(errorOf(() => parseBs("4k-8k", 1024, W)).message).toBe(BS_MSG.bsNotASize("4k-8k"));
    expect(errorOf(() => parseBs("4k:8k", 1024, W)).message).toBe(BS_MSG.bsNotASize("4k:8k"));
    expect(errorOf(() => parseBs("4k,8k,16k,32k", 1024, W)).message).toBe(BS_MSG.tooManyFields("bs", "4k,8k,16k,32k"));
    expect(errorOf(() => parseBs(",", 1024, W)).message).toBe(BS_MSG.empty("bs"));
    expect(errorOf(() => parseBs("", 1024, "--set bs=")).where).toBe("--set bs=");
  });
});

describe("parseBsrange", () => {
  it("reads MIN-MAX (or MIN:MAX) per direction", () => {
    expect(parseBsrange("1k-4k", 1024, W)).toEqual({
      read: { kind: "range", minBytes: K, maxBytes: 4 * K },
      write: { kind: "range", minBytes: K, maxBytes: 4 * K },
    });
    expect(parseBsrange("1k-4k,2k:8k", 1024, W)).toEqual({
      read: { kind: "range", minBytes: K, maxBytes: 4 * K },
      write: { kind: "range", minBytes: 2 * K, maxBytes: 8 * K },
    });
    expect(parseBsrange("1k-4k,", 1024, W).write).toEqual(fixed(4096));
  });

  it("refuses a single size, zero, and a minimum above the maximum", () => {
    expect(errorOf(() => parseBsrange("4k", 1024, W)).message).toBe(BS_MSG.bsrangeNotARange("4k"));
    expect(errorOf(() => parseBsrange("-4k", 1024, W)).message).toBe(BS_MSG.bsrangeNotARange("-4k"));
    expect(errorOf(() => parseBsrange("0-4k", 1024, W)).message).toBe(BS_MSG.zero("bsrange", "0"));
    const swapped = errorOf(() => parseBsrange("8k-4k", 1024, W));
    expect(swapped.where).toBe(W);
    expect(swapped.message).toBe(BS_MSG.bsrangeMinAboveMax("8k-4k", 8 * K, 4 * K));
    expect(errorOf(() => parseBsrange("1k-4k-8k", 1024, W)).message).toMatch(/option 'bsrange': '4k-8k'/);
  });
});

describe("parseBssplit", () => {
  it("reads size/percent entries (HOWTO: 4k/10:64k/50:32k/40)", () => {
    const { read, write } = parseBssplit("4k/10:64k/50:32k/40", 1024, W);
    const entries = [{ bytes: 4 * K, pct: 10 }, { bytes: 64 * K, pct: 50 }, { bytes: 32 * K, pct: 40 }];
    expect(read).toEqual({ kind: "split", entries });
    expect(write).toEqual(read);
  });

  it("spreads what is left of 100 evenly over entries without a percent (HOWTO: 4k/50:1k/:32k/)", () => {
    expect(parseBssplit("4k/50:1k/:32k/", 1024, W).read).toEqual({
      kind: "split", entries: [{ bytes: 4 * K, pct: 50 }, { bytes: K, pct: 25 }, { bytes: 32 * K, pct: 25 }],
    });
    // floor(100 / 3) each, as fio's integer division; a 0 counts as blank (bssplit_ddir).
    expect(parseBssplit("4k:8k/0:16k", 1024, W).read).toEqual({
      kind: "split", entries: [{ bytes: 4 * K, pct: 33 }, { bytes: 8 * K, pct: 33 }, { bytes: 16 * K, pct: 33 }],
    });
  });

  it("splits per direction (HOWTO: 2k/50:4k/50,4k/90:8k/10)", () => {
    const { read, write } = parseBssplit("2k/50:4k/50,4k/90:8k/10", 1024, W);
    expect(read).toEqual({ kind: "split", entries: [{ bytes: 2 * K, pct: 50 }, { bytes: 4 * K, pct: 50 }] });
    expect(write).toEqual({ kind: "split", entries: [{ bytes: 4 * K, pct: 90 }, { bytes: 8 * K, pct: 10 }] });
    expect(parseBssplit(",4k/90:8k/10", 1024, W).read).toEqual(fixed(4096));
  });

  it("refuses percentages over 100, bad entries, zero sizes and too many entries", () => {
    const over = errorOf(() => parseBssplit("4k/60:8k/50", 1024, W));
    expect(over.where).toBe(W);
    expect(over.message).toBe(BS_MSG.bssplitOver100("4k/60:8k/50", 110));
    expect(errorOf(() => parseBssplit("4k/101", 1024, W)).message).toBe(BS_MSG.bssplitBadPct("4k/101"));
    expect(errorOf(() => parseBssplit("4k/12.5:8k", 1024, W)).message).toBe(BS_MSG.bssplitBadPct("4k/12.5"));
    expect(errorOf(() => parseBssplit("4k/50/1", 1024, W)).message).toBe(BS_MSG.bssplitBadEntry("4k/50/1"));
    expect(errorOf(() => parseBssplit("4k/50::8k/50", 1024, W)).message).toBe(BS_MSG.bssplitEmptyEntry("4k/50::8k/50"));
    expect(errorOf(() => parseBssplit("0/50:8k/50", 1024, W)).message).toBe(BS_MSG.zero("bssplit", "0"));
    const many = Array.from({ length: 65 }, (_, i) => `${i + 1}k`).join(":");
    expect(errorOf(() => parseBssplit(many, 1024, W)).message).toBe(BS_MSG.bssplitTooMany(many, 65, 64));
  });
});

describe("minBlockBytes / maxBlockBytes", () => {
  it("spans each kind", () => {
    const split = parseBssplit("4k/10:64k/50:32k/40", 1024, W).read;
    expect([minBlockBytes(split), maxBlockBytes(split)]).toEqual([4 * K, 64 * K]);
    expect([minBlockBytes(fixed(512)), maxBlockBytes(fixed(512))]).toEqual([512, 512]);
    const range: BlockSizeSpec = { kind: "range", minBytes: K, maxBytes: 8 * K };
    expect([minBlockBytes(range), maxBlockBytes(range)]).toEqual([K, 8 * K]);
  });
});

describe("BlockSizePicker (get_next_buflen)", () => {
  const noRandom = (): number => {
    throw new Error("a fixed size must not draw a random number");
  };

  it("returns a fixed size without drawing, trimmed to what is left", () => {
    const p = new BlockSizePicker(fixed(4 * K), noRandom, false);
    expect(p.next()).toBe(4 * K);
    expect(p.next(1000)).toBe(1000);
    expect(new BlockSizePicker({ kind: "range", minBytes: K, maxBytes: K }, noRandom, false).next()).toBe(K);
    expect(new BlockSizePicker({ kind: "split", entries: [{ bytes: K, pct: 100 }] }, noRandom, false).next()).toBe(K);
  });

  it("draws a range in multiples of the minimum, evenly when max is a multiple of min", () => {
    const s = shares(new BlockSizePicker({ kind: "range", minBytes: K, maxBytes: 4 * K }, seedrandom.alea("1"), false), 40_000);
    expect([...s.keys()].sort((a, b) => a - b)).toEqual([K, 2 * K, 3 * K, 4 * K]);
    for (const share of s.values()) expect(share).toBeCloseTo(0.25, 1.5);
  });

  it("uses fio's min + max*u, so 4k-10k gives 4k 40%, 8k 40%, and the clamp 10k 20%", () => {
    const s = shares(new BlockSizePicker({ kind: "range", minBytes: 4 * K, maxBytes: 10 * K }, seedrandom.alea("1"), false), 50_000);
    expect([...s.keys()].sort((a, b) => a - b)).toEqual([4 * K, 8 * K, 10 * K]);
    expect(s.get(4 * K)).toBeCloseTo(0.4, 1.5);
    expect(s.get(8 * K)).toBeCloseTo(0.4, 1.5);
    expect(s.get(10 * K)).toBeCloseTo(0.2, 1.5);
  });

  it("with blocksize_unaligned takes any byte count, the clamp at max drawing min/max of the hits", () => {
    const p = new BlockSizePicker({ kind: "range", minBytes: K, maxBytes: 4 * K }, seedrandom.alea("1"), true);
    const sizes = Array.from({ length: 40_000 }, () => p.next());
    expect(Math.min(...sizes)).toBe(K);
    expect(Math.max(...sizes)).toBe(4 * K);
    expect(sizes.filter((b) => b === 4 * K).length / sizes.length).toBeCloseTo(0.25, 1.5);
    expect(sizes.filter((b) => b % K !== 0).length / sizes.length).toBeGreaterThan(0.7);
  });

  it("draws a split's sizes with their percentages", () => {
    const spec = parseBssplit("4k/10:64k/50:32k/40", 1024, W).write;
    const s = shares(new BlockSizePicker(spec, seedrandom.alea("1"), false), 50_000);
    expect(s.get(4 * K)).toBeCloseTo(0.1, 1.5);
    expect(s.get(64 * K)).toBeCloseTo(0.5, 1.5);
    expect(s.get(32 * K)).toBeCloseTo(0.4, 1.5);
  });

  it("gives what percentages leave of 100 to the last size in fio's order (the largest percent)", () => {
    const s = shares(new BlockSizePicker(parseBssplit("4k/10:8k/20", 1024, W).read, seedrandom.alea("1"), false), 50_000);
    expect(s.get(4 * K)).toBeCloseTo(0.1, 1.5);
    expect(s.get(8 * K)).toBeCloseTo(0.9, 1.5);
  });

  it("aligns split sizes down to the smallest one unless blocksize_unaligned (fio's quirk)", () => {
    const spec = parseBssplit("4k/50:6k/50", 1024, W).read;
    expect([...shares(new BlockSizePicker(spec, seedrandom.alea("1"), false), 2_000).keys()]).toEqual([4 * K]);
    const s = shares(new BlockSizePicker(spec, seedrandom.alea("1"), true), 20_000);
    expect(s.get(6 * K)).toBeCloseTo(0.5, 1.5);
  });

  it("never exceeds what is left and never returns 0", () => {
    const specs: BlockSizeSpec[] = [
      { kind: "range", minBytes: K, maxBytes: 64 * K },
      parseBssplit("4k/10:64k/50:32k/40", 1024, W).read,
    ];
    for (const unaligned of [false, true]) {
      for (const spec of specs) {
        const p = new BlockSizePicker(spec, seedrandom.alea("1"), unaligned);
        for (let left = 1; left <= 70 * K; left += 331) {
          const b = p.next(left);
          expect(b).toBeGreaterThan(0);
          expect(b).toBeLessThanOrEqual(left);
          if (left < minBlockBytes(spec)) expect(b).toBe(left);
        }
      }
    }
  });

  it("draws what fits with fio's redraw distribution: even over the aligned sizes below the limit", () => {
    const p = new BlockSizePicker({ kind: "range", minBytes: K, maxBytes: 4 * K }, seedrandom.alea("1"), false);
    const s = shares(p, 20_000, 2.5 * K);
    expect([...s.keys()].sort((a, b) => a - b)).toEqual([K, 2 * K]);
    expect(s.get(K)).toBeCloseTo(0.5, 1.5);
  });

  it("skips split sizes that do not fit, moving to the next in fio's walk", () => {
    // Walk order 4k/20, 32k/30, 64k/50: with 40k left, 64k's hits go past the end and are redrawn.
    const spec = parseBssplit("64k/50:4k/20:32k/30", 1024, W).read;
    const s = shares(new BlockSizePicker(spec, seedrandom.alea("1"), false), 50_000, 40 * K);
    expect([...s.keys()].sort((a, b) => a - b)).toEqual([4 * K, 32 * K]);
    expect(s.get(4 * K)).toBeCloseTo(0.4, 1.5);
    // With 8k left, the walk goes on from 32k and ends on 64k, which never fits: only 4k.
    expect([...shares(new BlockSizePicker(spec, seedrandom.alea("1"), false), 2_000, 8 * K).keys()]).toEqual([4 * K]);
    // Walk 64k/20, 4k/30, 8k/50 with 10k left: 64k's hits go on to 4k (50/50), not redrawn (37.5/62.5).
    const walkOn = parseBssplit("64k/20:4k/30:8k/50", 1024, W).read;
    expect(shares(new BlockSizePicker(walkOn, seedrandom.alea("1"), false), 50_000, 10 * K).get(4 * K)).toBeCloseTo(0.5, 1.5);
  });

  it("trims to what is left when no size with a percent fits, rather than redrawing forever", () => {
    // 4k gets 0% (100 - 100), so only 8k is ever drawn; with 6k left nothing can fit.
    const spec = parseBssplit("8k/100:4k", 1024, W).read;
    const rng = seedrandom.alea("1");
    let draws = 0;
    const limited = (): number => {
      if (++draws > 1000) throw new Error("redrawing forever");
      return rng();
    };
    expect(new BlockSizePicker(spec, limited, false).next(6 * K)).toBe(6 * K);
  });

  it("is deterministic for a seed", () => {
    const spec = parseBssplit("4k/10:64k/50:32k/40", 1024, W).read;
    const a = new BlockSizePicker(spec, seedrandom.alea("7"), false);
    const b = new BlockSizePicker(spec, seedrandom.alea("7"), false);
    const c = new BlockSizePicker(spec, seedrandom.alea("8"), false);
    const seqA = Array.from({ length: 200 }, () => a.next());
    expect(Array.from({ length: 200 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 200 }, () => c.next())).not.toEqual(seqA);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => new BlockSizePicker(fixed(K), noRandom, false).next(0)).toThrow(RangeError);
  });
});
