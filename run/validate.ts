// `fsyncsim validate`'s runs: every published measurement of validation/cases.ts simulated as its
// case says (its job file, device and logger), in the measurement's own unit, beside the figure
// and with the case's status: fitted (a calibration used it) or predicted. Only predicted cases
// say how good the model is. A case the model cannot run is reported with its error, not dropped.
import { packagePath } from "../lib/index.ts";
import { UNITS, VALIDATION_CASES, caseStatus, type ValidationCase } from "../validation/cases.ts";
import { readJobFile } from "../workloads/index.ts";
import { checkFsKind, DEFAULT_FS } from "./filesystems.ts";
import { createRunPool, type RunPool } from "./pool.ts";
import type { RunResult } from "./run-job.ts";
import type { RunTask } from "./workers/run-task.ts";
import type { DeviceKind } from "../devices/index.ts";
import { band, bandSamples, uncertainParams, type SampleOverrides } from "./bands.ts";

export interface ValidationRow {
  readonly case: ValidationCase;
  readonly status: "fitted" | "predicted";
  /** The simulated rate in the case's unit; undefined if the run failed. */
  readonly simulated: number | undefined;
  /** (simulated - measured) / measured, percent. */
  readonly errorPct: number | undefined;
  /** Why the case could not be run. */
  readonly error: string | undefined;
  readonly result: RunResult | undefined;
  /** The lowest and highest simulated rate over the uncertainty samples; undefined without samples. */
  readonly band: { readonly low: number; readonly high: number } | undefined;
}

export interface ValidateOptions {
  readonly seed: number;
  /** Only these cases (by id), in table order; all when undefined. */
  readonly cases?: readonly string[] | undefined;
  /** Uncertainty samples (Latin hypercube over the unconfirmed parameters); 0 for no bands. */
  readonly samples?: number;
  /** Called after each run (a case, or a case in one sample). */
  readonly onCase?: (done: number, total: number) => void;
}

/** Bytes written over the simulated runtime, in `unit`. */
export function rateIn(result: RunResult, unit: ValidationCase["unit"]): number {
  return result.runtimeNs > 0 ? result.bytesWritten / UNITS[unit] / (result.runtimeNs / 1e9) : 0;
}

/** The run of one case, with one uncertainty sample's overrides if given. */
export function caseTask(c: ValidationCase, seed: number, sample?: SampleOverrides): RunTask {
  const { jobs } = readJobFile(packagePath(c.job));
  const device = c.device as DeviceKind;
  return { jobs, device, fs: checkFsKind(DEFAULT_FS), logger: c.logger, seed, deviceOverrides: sample?.device(device) ?? [], fsOverrides: sample?.fs };
}

/** Runs the cases on `pool` (longest-running first would need their lengths; table order it is). */
export async function runValidation(o: ValidateOptions, pool?: RunPool): Promise<ValidationRow[]> {
  const cases = o.cases === undefined ? VALIDATION_CASES : o.cases.map((id) => VALIDATION_CASES.find((c) => c.id === id) as ValidationCase);
  const runner = pool ?? createRunPool(1);
  const samples = o.samples ?? 0;
  const varied = uncertainParams(cases.map((c) => c.device as DeviceKind), [DEFAULT_FS]);
  // Without a parameter to vary there is no band to draw (every sample would be the nominal run).
  const draws = samples > 0 && varied.length > 0 ? bandSamples(varied, samples, `${o.seed}/bands`) : [];
  const total = cases.length * (1 + draws.length);
  let done = 0;
  const rate = async (c: ValidationCase, sample?: SampleOverrides): Promise<{ simulated: number; result: RunResult }> => {
    try {
      const result = await runner.run(caseTask(c, o.seed, sample));
      return { simulated: rateIn(result, c.unit), result };
    } finally {
      o.onCase?.(++done, total);
    }
  };
  try {
    return await Promise.all(
      cases.map(async (c): Promise<ValidationRow> => {
        const status = caseStatus(c.id);
        try {
          const [nominal, ...sampled] = await Promise.all([rate(c), ...draws.map((d) => rate(c, d))]);
          const { simulated, result } = nominal as { simulated: number; result: RunResult };
          const spread = sampled.length > 0 ? band(sampled.map((s) => s.simulated)) : undefined;
          return { case: c, status, simulated, errorPct: ((simulated - c.measured) / c.measured) * 100, error: undefined, result, band: spread };
        } catch (error) {
          return { case: c, status, simulated: undefined, errorPct: undefined, error: error instanceof Error ? error.message : String(error), result: undefined, band: undefined };
        }
      }),
    );
  } finally {
    if (pool === undefined) await runner.destroy();
  }
}
