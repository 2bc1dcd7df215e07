// One simulated run: fio job processes driving a filesystem on a block device, from layout to the
// last process's last operation. fio lays out every file before any job starts; then the processes
// start together (after their startdelay), a stonewall's jobs once every job before them is done.
// Runtime is measured as fio does: from the first I/O to the completion of the last, fsyncs
// included, layout excluded (backend.c do_io). The event loop runs until every process is done;
// background work still queued then (the transaction kthread) is dropped.
import { createDevice, type DeviceKind } from "../devices/index.ts";
import { JobStream, planJobs, type FioJob, type IoOp, type OpStream, type WorkloadPlan } from "../workloads/index.ts";
import { BlockDevice } from "../block/index.ts";
import type { FileSystem } from "../fs/index.ts";
import type { ParamOverride } from "../lib/index.ts";
import { Environment, allOf, type Event, type Proc } from "../sim/index.ts";
import { buildFilesystem, type BuiltFs, type FsKind } from "./filesystems.ts";
import { jobProcess, type RunShared } from "./job-process.ts";
import { mergedSummary } from "./latency.ts";
import { FsyncLedger, ProcessState } from "./process-state.ts";
import type { RunResult, WorkloadSource } from "./result.ts";

export type { FsyncTraceRow, ProcessResult, RunResult, WorkloadSource } from "./result.ts";

/** RunResult.logger of a filesystem without a log. */
export const NO_LOGGER = "none";

export interface RunConfig {
  /** The job sections to run (numjobs clones each). */
  readonly jobs: readonly FioJob[];
  /** Replay these operations (a fio iolog) as the one process of jobs[0], instead of its generated I/O. */
  readonly replay?: { readonly source: WorkloadSource; readonly plan: WorkloadPlan; readonly ops: readonly IoOp[] };
  readonly device: DeviceKind;
  /** Device parameter overrides (`--set device.X=V`). */
  readonly deviceOverrides?: readonly ParamOverride[];
  readonly fs: FsKind;
  /** The fsync logger, one the filesystem offers; undefined for its default. */
  readonly logger?: string | undefined;
  /** Filesystem parameter overrides (`--set btrfs.X=V`, `--set cpu.X=V`), by group. */
  readonly fsOverrides?: Readonly<Record<string, readonly ParamOverride[]>> | undefined;
  /** The run's seed: seeds the jobs' random streams unless a job sets randseed. */
  readonly seed: number;
  /** Keep one trace row per fsync. */
  readonly trace?: boolean;
  /** Called as the run progresses, with per-mille done (0..1000). */
  readonly onProgress?: (permille: number) => void;
  /**
   * Called once the device and the filesystem are built, before the first event: where a checker
   * attaches its recorders (crash/ does).
   */
  readonly instrument?: (fs: FileSystem, bdev: BlockDevice) => void;
}

/** Runs `config` to completion; throws InputError for bad parameters or a job that does not fit. */
export function runJob(config: RunConfig): RunResult {
  const job = config.jobs[0];
  if (job === undefined) throw new Error("runJob needs at least one job");
  const plan = config.replay?.plan ?? planJobs(config.jobs, config.seed);
  const env = new Environment();
  const device = createDevice(config.device, config.deviceOverrides ?? []);
  const bdev = new BlockDevice(env, device.model);
  const built = buildFilesystem(env, bdev, config.jobs, { fs: config.fs, logger: config.logger, overrides: config.fsOverrides });
  config.instrument?.(built.fs, bdev);
  const states = plan.processes.map((p) => new ProcessState(p));
  const shared: RunShared = {
    env, fs: built.fs, bdev, layouts: plan.files, handles: [], creating: new Map(), ledger: new FsyncLedger(config.trace === true), timedStartNs: 0,
    onOp: progressReporter(states, config.onProgress),
  };
  const streams = (): OpStream[] =>
    states.map((s) => (config.replay !== undefined ? replayStream(config.replay.ops, s.planned.job.replayNoStall) : new JobStream(s.planned.job, s.planned.files, s.planned.seed)));
  const main = env.process(runAll(shared, plan, states, streams));
  while (!main.triggered && env.step()) {
    // run until every process is done
  }
  while (!main.processed && env.step()) {
    // deliver the main process's own completion (and any failure it carries)
  }
  if (!main.triggered) throw new Error(`the run of '${job.name}' never finished: a model left a process waiting`);
  built.fs.shutdown();
  return result(config, shared, states, built, bdev, device.params);
}

/** Layout of every file, then the processes, phase after phase (stonewall). */
function* runAll(run: RunShared, plan: WorkloadPlan, states: ProcessState[], streams: () => OpStream[]): Proc {
  for (const [index, layout] of plan.files.entries()) {
    if (layout.precreate) run.handles[index] = yield* run.fs.layout(layout, index);
  }
  run.timedStartNs = run.env.nowNs;
  const opStreams = streams();
  const phases = [...new Set(states.map((s) => s.planned.phase))].sort((a, b) => a - b);
  for (const phase of phases) {
    const running = states.flatMap((s, i) => (s.planned.phase === phase ? [run.env.process(jobProcess(run, s, opStreams[i] as OpStream))] : []));
    yield running.length === 1 ? (running[0] as Event<unknown>) : allOf(run.env, running);
  }
}

/** An iolog's operations in order; with replay_no_stall, without its timestamps and waits. */
function replayStream(ops: readonly IoOp[], noStall: boolean): OpStream {
  const replayed = noStall ? ops.filter((op) => op.kind !== "wait").map((op) => ({ ...op, atNs: undefined })) : ops;
  let i = 0;
  return { next: () => replayed[i++] };
}

/** Per-mille progress over all processes: runtime-bound jobs by time, the others by I/O issued. */
function progressReporter(states: readonly ProcessState[], report: ((permille: number) => void) | undefined): (s: ProcessState) => void {
  if (report === undefined) return () => undefined;
  const fraction = new Map<ProcessState, number>();
  let sum = 0;
  let last = -1;
  return (s) => {
    const { job } = s.planned;
    const byTime = job.runtimeNs !== undefined ? (s.endNs > 0 ? 1 : 0) : 0;
    const bytes = (s.bytesRead + s.bytesWritten) / Math.max(1, job.ioSizeBytes * job.loops);
    const f = Math.min(1, Math.max(byTime, job.timeBased ? 0 : bytes));
    sum += f - (fraction.get(s) ?? 0);
    fraction.set(s, f);
    const permille = Math.floor((sum / states.length) * 1000);
    if (permille >= last + 10) {
      last = permille;
      report(permille);
    }
  };
}

function result(
  config: RunConfig,
  run: RunShared,
  states: readonly ProcessState[],
  built: BuiltFs,
  bdev: BlockDevice,
  deviceParams: RunResult["deviceParams"],
): RunResult {
  const job = config.jobs[0] as FioJob;
  const started = states.filter((s) => s.started);
  const startNs = Math.min(...started.map((s) => s.startNs));
  const endNs = Math.max(...started.map((s) => s.endNs));
  const sum = (f: (s: ProcessState) => number): number => states.reduce((t, s) => t + f(s), 0);
  return {
    fs: config.fs,
    logger: built.logger ?? NO_LOGGER,
    device: config.device,
    source: config.replay?.source ?? { kind: "job", file: job.file, name: job.name },
    jobs: config.jobs,
    job,
    seed: config.seed,
    processes: states.map((s) => s.result()),
    writes: sum((s) => s.writes.count),
    reads: sum((s) => s.reads.count),
    fsyncs: run.ledger.all.count,
    bytesWritten: sum((s) => s.bytesWritten),
    bytesRead: sum((s) => s.bytesRead),
    runtimeNs: started.length > 0 ? endNs - startNs : 0,
    writeLatency: mergedSummary(states.map((s) => s.writes)),
    readLatency: mergedSummary(states.map((s) => s.reads)),
    fsyncLatency: run.ledger.all.summary(),
    fsyncPaths: run.ledger.paths,
    fsyncBreakdownNs: run.ledger.breakdown,
    block: { ...bdev.stats },
    deviceParams,
    modelParams: built.params,
    trace: run.ledger.trace,
    modelStats: built.fs.modelStats(),
    warnings: built.warnings,
  };
}
