// The seek-time curve of a disk arm, after Ruemmler & Wilkes (1994) and DiskSim's dm_mech_g1 "hpl"
// seek: short seeks accelerate and decelerate, t = a + b·√d; long seeks add a coast phase,
// t = c + e·d. The four coefficients are fitted to the three figures a datasheet gives (single-track,
// average and full-stroke seek): the curve passes through t(1) and t(D), is continuous at the
// boundary B, and its mean over random start and end cylinders (distance density 2(D-d)/D²) equals
// the datasheet average. B itself is chosen so the two pieces also meet with equal slope.
import { InputError } from "../../lib/input-error.ts";

export interface SeekCurveSpec {
  readonly singleTrackNs: number;
  readonly averageNs: number;
  readonly fullStrokeNs: number;
  /** Longest possible seek, in cylinders (cylinders - 1). */
  readonly maxDistanceCyl: number;
}

export interface SeekCurve {
  /** Seeks shorter than this many cylinders follow the √ piece. */
  readonly boundaryCyl: number;
  readonly sqrtBaseNs: number;
  readonly sqrtPerRootCylNs: number;
  readonly linearBaseNs: number;
  readonly linearPerCylNs: number;
  /** Seek time for a move of `distanceCyl` cylinders (0 for no move), ns (floating point). */
  timeNs(distanceCyl: number): number;
}

/** Fits a seek curve to datasheet figures; throws InputError if no increasing curve fits them. */
export function fitSeekCurve(spec: SeekCurveSpec, where: string): SeekCurve {
  const D = spec.maxDistanceCyl;
  const inconsistent = (): InputError =>
    new InputError(
      where,
      `seek figures single-track ${spec.singleTrackNs / 1e6} ms, average ${spec.averageNs / 1e6} ms, ` +
        `full-stroke ${spec.fullStrokeNs / 1e6} ms admit no increasing seek curve`,
    );
  if (D < 16 || !(spec.singleTrackNs < spec.averageNs && spec.averageNs < spec.fullStrokeNs)) throw inconsistent();

  // Slope mismatch at the boundary, for a given boundary; zero where the pieces meet smoothly.
  const mismatch = (B: number): number => {
    const [, b, , e] = solveForBoundary(spec, B);
    return b / (2 * Math.sqrt(B)) - e;
  };
  const candidates: number[] = [];
  for (let i = 0; i <= 400; i++) candidates.push(2 * Math.pow(D / 2 / 1.01, i / 400));
  let boundary = candidates[0] as number;
  let best = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const B = candidates[i] as number;
    const m = mismatch(B);
    if (Math.abs(m) < best) {
      best = Math.abs(m);
      boundary = B;
    }
    const next = candidates[i + 1];
    if (next !== undefined && Math.sign(m) !== Math.sign(mismatch(next))) {
      let lo = B;
      let hi = next;
      for (let k = 0; k < 80; k++) {
        const mid = (lo + hi) / 2;
        if (Math.sign(mismatch(mid)) === Math.sign(mismatch(lo))) lo = mid;
        else hi = mid;
      }
      boundary = (lo + hi) / 2;
      break;
    }
  }
  const [a, b, c, e] = solveForBoundary(spec, boundary);
  if (!(b > 0 && e > 0 && a > 0 && c > 0)) throw inconsistent();
  return {
    boundaryCyl: boundary,
    sqrtBaseNs: a,
    sqrtPerRootCylNs: b,
    linearBaseNs: c,
    linearPerCylNs: e,
    timeNs: (d) => (d <= 0 ? 0 : d < boundary ? a + b * Math.sqrt(d) : c + e * d),
  };
}

/** Coefficients [a, b, c, e] meeting the four conditions for boundary B. */
function solveForBoundary(spec: SeekCurveSpec, B: number): [number, number, number, number] {
  const D = spec.maxDistanceCyl;
  const D2 = D * D;
  const pShort = (2 * D * B - B * B) / D2; // P(d < B)
  const sqrtMoment = (2 / D2) * (D * (2 / 3) * Math.pow(B, 1.5) - (2 / 5) * Math.pow(B, 2.5)); // E[√d; d < B]
  const linMoment = (2 / D2) * (D ** 3 / 6 - (D * B * B) / 2 + B ** 3 / 3); // E[d; d >= B]
  return solve4([
    [1, 1, 0, 0, spec.singleTrackNs],
    [0, 0, 1, D, spec.fullStrokeNs],
    [1, Math.sqrt(B), -1, -B, 0],
    [pShort, sqrtMoment, 1 - pShort, linMoment, spec.averageNs],
  ]);
}

/** Gaussian elimination with partial pivoting on a 4x5 augmented matrix. */
function solve4(m: number[][]): [number, number, number, number] {
  const n = 4;
  const at = (r: number, c: number): number => (m[r] as number[])[c] as number;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(at(r, col)) > Math.abs(at(pivot, col))) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = at(r, col) / at(col, col);
      for (let c = col; c <= n; c++) (m[r] as number[])[c] = at(r, c) - f * at(col, c);
    }
  }
  return [at(0, 4) / at(0, 0), at(1, 4) / at(1, 1), at(2, 4) / at(2, 2), at(3, 4) / at(3, 3)];
}
