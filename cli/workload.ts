// The workload of a command: a fio job file's jobs, or a fio iolog replayed (--iolog, or a job's
// read_iolog=) framed by a job file's job or by fio's defaults. Shared by run and crash-check.
import { basename } from "node:path";
import { InputError, MSG } from "../lib/index.ts";
import type { RunConfig } from "../run/index.ts";
import { planReplay, readIolog, readJobFile, resolveJobs, type IologTrace, type JobOverride, type ResolvedJobs } from "../workloads/index.ts";

export interface WorkloadOptions {
  /** The job file; undefined means the seed job, or, with --iolog, fio's defaults. */
  readonly job: string | undefined;
  readonly iolog: string | undefined;
  readonly seed: number;
}

/** What a command that simulates one workload is told: the workload, where it runs, and overrides. */
export interface SimulationOptions extends WorkloadOptions {
  readonly device: string;
  readonly fs: string;
  /** Undefined: the filesystem's default. */
  readonly logger: string | undefined;
  /** The `--set key=value` texts as given. */
  readonly set: readonly string[];
}

export interface LoadedWorkload extends ResolvedJobs {
  readonly config: Pick<RunConfig, "jobs" | "replay">;
}

/**
 * The job file's jobs; or an iolog (--iolog, or a job's read_iolog=) replayed as one job, framed by
 * the job file's job or, with --iolog and no --job, by fio's defaults.
 */
export function loadWorkload(options: WorkloadOptions, overrides: readonly JobOverride[], seedJob: string): LoadedWorkload {
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
