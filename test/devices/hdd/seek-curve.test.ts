// The fitted seek curve passes through the drive's figures (docs/sources.md §D1.4, Deskstar
// 7K1000.C: single track 1.0 ms (unconfirmed), average 8.5 ms (spec p.20), full stroke 15.2 ms
// (Wong 2019)) and is increasing and smooth.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { fitSeekCurve } from "../../../devices/hdd/seek-curve.ts";
import { InputError } from "../../../lib/index.ts";

const D = 228_718; // Reference: tracks per surface of the 7K1000.C 1 TB, 914,873 / 4 (Wong 2019)
const spec = { singleTrackNs: 1e6, averageNs: 8.5e6, fullStrokeNs: 15.2e6, maxDistanceCyl: D };

describe("fitSeekCurve", () => {
  const curve = fitSeekCurve(spec, "test");

  it("passes through the single-track and full-stroke times", () => {
    expect(curve.timeNs(1)).toBeCloseTo(1e6, 0);
    expect(curve.timeNs(D)).toBeCloseTo(15.2e6, 0);
    expect(curve.timeNs(0)).toBe(0);
  });

  it("averages to the datasheet figure over random start and end cylinders", () => {
    // Monte Carlo over independent uniform cylinders, not the closed form the fit uses.
    const rnd = seedrandom.alea("seek");
    let total = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) total += curve.timeNs(Math.abs(Math.floor(rnd() * D) - Math.floor(rnd() * D)));
    expect(total / n / 8.5e6).toBeCloseTo(1, 2);
  });

  it("is increasing, and continuous with matching slope at the boundary", () => {
    let prev = 0;
    for (let d = 1; d <= D; d += 97) {
      const t = curve.timeNs(d);
      expect(t).toBeGreaterThan(prev);
      prev = t;
    }
    const B = curve.boundaryCyl;
    expect(curve.timeNs(B + 1e-6) - curve.timeNs(B - 1e-6)).toBeLessThan(1);
    expect(curve.sqrtPerRootCylNs / (2 * Math.sqrt(B))).toBeCloseTo(curve.linearPerCylNs, 3);
  });

  it("refuses figures no increasing curve can meet", () => {
    expect(() => fitSeekCurve({ ...spec, averageNs: 0.5e6 }, "here")).toThrow(InputError);
    expect(() => fitSeekCurve({ ...spec, averageNs: 15.1e6 }, "here")).toThrow(/no increasing seek curve/);
  });
});
