// `fsyncsim run`: a fio job file (all its jobs, numjobs clones each) or a replayed fio iolog, on one
// device and filesystem. Everything is validated and simulated before anything is written, so bad
// input leaves no partial output.
import { basename } from "node:path";
import { InputError, MSG, checkFsKind, loggerKind, runJob, type RunConfig } from "../../sim/index.ts";
import { deviceSpec, type DeviceKind } from "../../devices/index.ts";
import { planReplay, readIolog, readJobFile, resolveJobs, type IologTrace, type JobOverride, type ResolvedJobs } from "../../workloads/index.ts";
import { safeFileStem, writeFileAtomically, writeFilesAtomically } from "../atomic-write.ts";
import { toCsv } from "../format/csv.ts";
import { fioJsonDocument } from "../format/fio-json.ts";
import { runDocument, toJson } from "../format/run-json.ts";
import { RUN_COLUMNS, runSummary } from "../format/run-summary.ts";
import { runTable } from "../format/run-table.ts";
import { traceCsv } from "../format/trace-csv.ts";
import type { CliIo } from "../io.ts";
import { startProgress } from "../progress.ts";
import { parseSetOptions } from "../set-options.ts";

export const RUN_FORMATS = ["table", "csv", "json", "fio-json"] as const;

export interface RunOptions {
  /** The job file; undefined means the seed job, or, with --iolog, fio's defaults. */
  readonly job: string | undefined;
  readonly iolog: string | undefined;
  readonly device: string;
  readonly fs: string;
  readonly logger: string;
  readonly seed: number;
  readonly set: readonly string[];
  readonly format: (typeof RUN_FORMATS)[number];
  readonly out: string | undefined;
  readonly trace: string | undefined;
}

export function runCommand(io: CliIo, options: RunOptions, version: string, seedJob: string): void {
  const spec = deviceSpec(options.device);
  const device = spec.name as DeviceKind;
  const fs = checkFsKind(options.fs);
  const logger = loggerKind(options.logger);
  if (fs === "raw" && options.logger !== "modified-extents") {
    io.stderr.write(`fsyncsim: warning: --logger ${logger} has no effect with --fs raw (there is no log)\n`);
  }
  const overrides = parseSetOptions(options.set, [spec.params]);
  const workload = loadWorkload(options, overrides.job, seedJob);
  const name = workload.config.replay?.source.name ?? workload.jobs[0]?.name ?? "job";
  const progress = startProgress(io, `${name} on ${device}`);
  let result;
  try {
    result = runJob({
      ...workload.config, device, fs, logger, seed: options.seed, trace: options.trace !== undefined,
      deviceOverrides: overrides.device, btrfsOverrides: overrides.btrfs, cpuOverrides: overrides.cpu,
      onProgress: (permille) => progress.update(permille, 1000),
    });
  } finally {
    progress.stop();
  }
  for (const w of [...workload.warnings, ...result.warnings]) io.stderr.write(`fsyncsim: warning: ${w}\n`);
  const csv = toCsv(RUN_COLUMNS, [runSummary(result)]);
  const json = toJson(runDocument(result, version));
  const fioJson = toJson(fioJsonDocument(result, version));
  const text = options.format === "csv" ? csv : options.format === "json" ? json : options.format === "fio-json" ? fioJson : runTable(result);
  if (options.trace !== undefined) writeFileAtomically(options.trace, traceCsv(result.trace ?? []), "--trace");
  if (options.out !== undefined) {
    const stem = [safeFileStem(name), fs, ...(result.logger === "none" ? [] : [result.logger]), device].join("-");
    writeFilesAtomically(options.out, [
      { name: `${stem}.csv`, content: csv },
      { name: `${stem}.json`, content: json },
      { name: `${stem}.fio.json`, content: fioJson },
    ]);
  }
  io.stdout.write(text);
}

interface LoadedWorkload extends ResolvedJobs {
  readonly config: Pick<RunConfig, "jobs" | "replay">;
}

/**
 * The job file's jobs; or an iolog (--iolog, or a job's read_iolog=) replayed as one job, framed by
 * the job file's job or, with --iolog and no --job, by fio's defaults.
 */
function loadWorkload(options: RunOptions, overrides: readonly JobOverride[], seedJob: string): LoadedWorkload {
  const framing = (extentBytes: number, where: string): ResolvedJobs =>
    options.job !== undefined ? readJobFile(options.job, overrides) : resolveJobs(`[${basename(where).replace(/[[\]]/g, "_")}]\nsize=${extentBytes}\n`, where, overrides);
  if (options.iolog === undefined) {
    const resolved = readJobFile(options.job ?? seedJob, overrides);
    const replaying = resolved.jobs.filter((j) => j.readIolog !== undefined);
    if (replaying.length === 0) return { ...resolved, config: { jobs: resolved.jobs } };
    if (resolved.jobs.length > 1) throw new InputError(options.job ?? seedJob, MSG.fioReplayOneJob(replaying[0]?.name ?? ""));
    return replay(resolved, replaying[0]?.readIolog as string, options.seed);
  }
  const trace = readIolog(options.iolog);
  return replay(framing(Math.max(4096, ...trace.files.map((f) => f.extentBytes)), options.iolog), options.iolog, options.seed, trace);
}

function replay(resolved: ResolvedJobs, logPath: string, seed: number, read?: IologTrace): LoadedWorkload {
  const trace = read ?? readIolog(logPath);
  const job = resolved.jobs[0];
  if (job === undefined) throw new Error("no job to frame the iolog");
  const plan = planReplay(trace, job, seed);
  return {
    jobs: [job],
    warnings: resolved.warnings,
    config: { jobs: [job], replay: { source: { kind: "iolog", file: logPath, name: basename(logPath) }, plan, ops: trace.ops } },
  };
}
