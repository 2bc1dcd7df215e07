// The seed's experiment: the seed job on the 2012 SATA disk and Fusion-io card, with the logger
// before the patch and the patch's, beside the numbers the patch mail reports.
import type { DeviceKind } from "../devices/index.ts";
import type { FioJob } from "../workloads/index.ts";
import type { ParamOverride } from "../lib/params/index.ts";
import { VALIDATION_CASES, caseStatus, type ValidationCase } from "../validation/cases.ts";
import { createRunPool, type RunPool } from "./pool.ts";
import type { RunResult } from "./run-job.ts";

export const SEED_DEVICES = ["sata-hdd", "fusion-iodrive"] as const;
export const SEED_LOGGERS = ["truncate-and-copy", "modified-extents"] as const;

/** The validation case of a seed cell (validation/cases.ts: seed-<device>-<before|patched>). */
export function seedCase(device: (typeof SEED_DEVICES)[number], logger: (typeof SEED_LOGGERS)[number]): ValidationCase {
  const id = `seed-${device === "sata-hdd" ? "sata" : "fusion"}-${logger === "truncate-and-copy" ? "before" : "patched"}`;
  const c = VALIDATION_CASES.find((x) => x.id === id);
  if (c === undefined || c.device !== device || c.logger !== logger) throw new Error(`validation/cases.ts has no case ${id} for ${device} ${logger}`);
  return c;
}

/** "Btrfs: turbo charge fsync" (5dc562c), the commit message's table, in fio's KB/s (= KiB/s): validation/cases.ts's seed cases. */
export const SEED_TABLE = Object.fromEntries(
  SEED_DEVICES.map((d) => [d, Object.fromEntries(SEED_LOGGERS.map((l) => [l, seedCase(d, l).measured]))]),
) as Readonly<Record<(typeof SEED_DEVICES)[number], Readonly<Record<(typeof SEED_LOGGERS)[number], number>>>>;

export interface ReproduceCell {
  readonly device: (typeof SEED_DEVICES)[number];
  readonly logger: (typeof SEED_LOGGERS)[number];
  readonly result: RunResult;
  readonly simulatedKiBps: number;
  readonly seedKiBps: number;
  /** (simulated - seed) / seed, in percent. */
  readonly errorPct: number;
  /** fitted: a calibration used this cell (its error says nothing of the model); predicted: none did. */
  readonly status: "fitted" | "predicted";
}

export interface ReproduceSpeedup {
  readonly device: (typeof SEED_DEVICES)[number];
  /** modified-extents over truncate-and-copy. */
  readonly simulated: number;
  readonly seed: number;
  readonly errorPct: number;
  /** fitted when either of its cells is. */
  readonly status: "fitted" | "predicted";
}

export interface ReproduceOptions {
  readonly job: FioJob;
  readonly seed: number;
  /** Device parameter overrides for each device (a parameter may exist on one device only). */
  readonly deviceOverridesFor?: (device: (typeof SEED_DEVICES)[number]) => readonly ParamOverride[];
  /** Filesystem parameter overrides by group (`btrfs`, `cpu`). */
  readonly fsOverrides?: Readonly<Record<string, readonly ParamOverride[]>>;
  readonly trace?: boolean;
  /** Called after each cell. */
  readonly onCell?: (done: number, total: number) => void;
}

export function throughputKiBps(r: RunResult): number {
  return r.runtimeNs > 0 ? r.bytesWritten / 1024 / (r.runtimeNs / 1e9) : 0;
}

/** Runs the four cells with one parameter set, on `pool` if given (longest cells first). */
export async function reproduceSeed(o: ReproduceOptions, pool?: RunPool): Promise<{ cells: ReproduceCell[]; speedups: ReproduceSpeedup[] }> {
  const runner = pool ?? createRunPool(1);
  const tasks = SEED_DEVICES.flatMap((device) =>
    SEED_LOGGERS.map((logger) => ({
      device, logger,
      task: {
        jobs: [o.job], device: device as DeviceKind, fs: "btrfs" as const, logger, seed: o.seed, trace: o.trace,
        deviceOverrides: o.deviceOverridesFor?.(device) ?? [], fsOverrides: o.fsOverrides,
      },
    })),
  );
  let done = 0;
  // The truncate-and-copy cells take longest: start them first so the pool stays busy.
  const order = [...tasks].sort((a, b) => (a.logger === b.logger ? 0 : a.logger === "truncate-and-copy" ? -1 : 1));
  const results = new Map<(typeof tasks)[number], RunResult>();
  await Promise.all(
    order.map(async (t) => {
      results.set(t, await runner.run(t.task));
      o.onCell?.(++done, tasks.length);
    }),
  );
  if (pool === undefined) await runner.destroy();
  const cells: ReproduceCell[] = tasks.map((t) => {
    const result = results.get(t) as RunResult;
    const simulatedKiBps = throughputKiBps(result);
    const seedKiBps = SEED_TABLE[t.device][t.logger];
    const status = caseStatus(seedCase(t.device, t.logger).id);
    return { device: t.device, logger: t.logger, result, simulatedKiBps, seedKiBps, errorPct: ((simulatedKiBps - seedKiBps) / seedKiBps) * 100, status };
  });
  const speedups = SEED_DEVICES.map((device) => {
    const of = (l: (typeof SEED_LOGGERS)[number]): ReproduceCell => cells.find((c) => c.device === device && c.logger === l) as ReproduceCell;
    const simulated = of("modified-extents").simulatedKiBps / of("truncate-and-copy").simulatedKiBps;
    const seed = SEED_TABLE[device]["modified-extents"] / SEED_TABLE[device]["truncate-and-copy"];
    const status: ReproduceSpeedup["status"] = of("modified-extents").status === "fitted" || of("truncate-and-copy").status === "fitted" ? "fitted" : "predicted";
    return { device, simulated, seed, errorPct: ((simulated - seed) / seed) * 100, status };
  });
  return { cells, speedups };
}
