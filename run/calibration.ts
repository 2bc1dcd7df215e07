// Fitting calibrated parameters to declared validation cases (validation/cases.ts FITTED): the
// numbers are chosen so that the cases' simulated rates match their measurements, by Gauss-Newton
// on the log-ratio of simulated to measured rate, in log-parameter space (each parameter's step is
// relative, whatever its unit), with finite-difference slopes. With as many cases as parameters it
// solves them exactly; with more, it is a least-squares fit. A leave-one-out check refits without
// each case in turn and reports what the model then predicts for the case left out.
import { DEVICE_MODELS, type DeviceKind } from "../devices/index.ts";
import { hasParam, type NumberParamSpec, type ParamOverride } from "../lib/index.ts";
import type { ValidationCase } from "../validation/cases.ts";
import { fsParamGroups } from "./filesystems.ts";
import type { RunPool } from "./pool.ts";
import { caseTask, rateIn } from "./validate.ts";

/** A parameter to fit, as `--set` names it: `cpu.X`, `btrfs.X`, or `device.X` (on the cases whose device has X). */
export interface FitParameter {
  readonly key: string;
  readonly spec: NumberParamSpec;
}

/** The parameter of `--set` key `key`, which must be a number of some filesystem group or device table. */
export function fitParameter(key: string): FitParameter {
  const dot = key.indexOf(".");
  const group = key.slice(0, dot);
  const name = key.slice(dot + 1);
  const tables = group === "device" ? Object.values(DEVICE_MODELS).map((d) => d.params) : [fsParamGroups().get(group)?.table];
  for (const t of tables) {
    const spec = t !== undefined && hasParam(t, name) ? t[name] : undefined;
    if (spec?.kind === "number") return { key, spec };
  }
  throw new Error(`calibration: '${key}' is not a number parameter of any table`);
}

/** The overrides that set `values` (by key) for a run on `device`. */
function overridesFor(values: ReadonlyMap<string, number>, device: DeviceKind): { device: ParamOverride[]; fs: Record<string, ParamOverride[]> } {
  const out = { device: [] as ParamOverride[], fs: {} as Record<string, ParamOverride[]> };
  for (const [key, value] of values) {
    const dot = key.indexOf(".");
    const group = key.slice(0, dot);
    const o = { name: key.slice(dot + 1), value: String(value), where: "calibration" };
    if (group !== "device") (out.fs[group] ??= []).push(o);
    else if (hasParam(DEVICE_MODELS[device].params, o.name)) out.device.push(o);
  }
  return out;
}

/** The simulated rate of each case with `values` set, in the case's unit. */
export async function simulateCases(cases: readonly ValidationCase[], values: ReadonlyMap<string, number>, seed: number, pool: RunPool): Promise<number[]> {
  return Promise.all(
    cases.map(async (c) => {
      const o = overridesFor(values, c.device as DeviceKind);
      return rateIn(await pool.run({ ...caseTask(c, seed), deviceOverrides: o.device, fsOverrides: o.fs }), c.unit);
    }),
  );
}

export interface FitResult {
  readonly values: ReadonlyMap<string, number>;
  /** Simulated rate of each case at the fit, in its unit. */
  readonly simulated: readonly number[];
  readonly iterations: number;
}

export interface FitOptions {
  readonly parameters: readonly FitParameter[];
  readonly cases: readonly ValidationCase[];
  /** Where to start (by key); a parameter's default otherwise. */
  readonly start?: ReadonlyMap<string, number>;
  readonly seed: number;
  readonly pool: RunPool;
  /** Largest |ln(simulated / measured)| accepted as fitted (default 1e-4, 0.01 %). */
  readonly tolerance?: number;
  readonly onStep?: (iteration: number, values: ReadonlyMap<string, number>, residuals: readonly number[]) => void;
}

/** Gauss-Newton fit of `parameters` to `cases` (needs at least as many cases as parameters). */
export async function fitParameters(o: FitOptions): Promise<FitResult> {
  const n = o.parameters.length;
  if (o.cases.length < n) throw new Error(`calibration: ${n} parameters cannot be fitted to ${o.cases.length} case(s)`);
  const tolerance = o.tolerance ?? 1e-4;
  const clamp = (p: FitParameter, v: number): number => Math.min(p.spec.max, Math.max(p.spec.min, v));
  let x = o.parameters.map((p) => Math.log(o.start?.get(p.key) ?? p.spec.default));
  const valuesOf = (xs: readonly number[]): Map<string, number> => new Map(o.parameters.map((p, j) => [p.key, clamp(p, Math.exp(xs[j] as number))]));
  const residuals = async (xs: readonly number[]): Promise<{ r: number[]; sim: number[] }> => {
    const sim = await simulateCases(o.cases, valuesOf(xs), o.seed, o.pool);
    return { sim, r: sim.map((s, i) => Math.log(s / (o.cases[i] as ValidationCase).measured)) };
  };
  const STEP = 0.05;
  for (let iteration = 0; ; iteration++) {
    const { r, sim } = await residuals(x);
    o.onStep?.(iteration, valuesOf(x), r);
    if (Math.max(...r.map(Math.abs)) < tolerance || iteration >= 12) return { values: valuesOf(x), simulated: sim, iterations: iteration };
    const columns = await Promise.all(x.map(async (_, j) => (await residuals(x.map((v, k) => (k === j ? v + STEP : v)))).r.map((rj, i) => (rj - (r[i] as number)) / STEP)));
    x = x.map((v, j) => v + (gaussNewtonStep(columns, r)[j] as number));
  }
}

/** The step dx solving (JᵀJ + λI) dx = −Jᵀr, J given by columns (one per parameter), with a little damping. */
export function gaussNewtonStep(columns: readonly (readonly number[])[], r: readonly number[]): number[] {
  const n = columns.length;
  const dot = (u: readonly number[], v: readonly number[]): number => u.reduce((s, x, i) => s + x * (v[i] as number), 0);
  const a = columns.map((cj, j) => columns.map((ck, k) => dot(cj, ck) + (j === k ? 1e-9 : 0)));
  const b = columns.map((cj) => -dot(cj, r));
  // Gaussian elimination with partial pivoting on the n x n normal equations.
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs((a[row] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = row;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    [b[col], b[pivot]] = [b[pivot] as number, b[col] as number];
    for (let row = col + 1; row < n; row++) {
      const f = ((a[row] as number[])[col] as number) / ((a[col] as number[])[col] as number);
      for (let k = col; k < n; k++) (a[row] as number[])[k] = ((a[row] as number[])[k] as number) - f * ((a[col] as number[])[k] as number);
      b[row] = (b[row] as number) - f * (b[col] as number);
    }
  }
  const dx = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let s = b[row] as number;
    for (let k = row + 1; k < n; k++) s -= ((a[row] as number[])[k] as number) * (dx[k] as number);
    dx[row] = s / ((a[row] as number[])[row] as number);
  }
  return dx;
}
