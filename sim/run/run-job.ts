// One simulated run: a fio job process driving a filesystem on a block device, from layout to the
// job's last operation. Runtime is measured as fio does: from the first I/O to the completion of
// the last, fsyncs included, layout excluded (backend.c do_io). The event loop runs until the job
// is done; background work still queued then (the transaction kthread) is dropped.
import { createDevice, type DeviceKind } from "../../devices/index.ts";
import { fioOps, jobWriteCount, type FioJob } from "../../workloads/index.ts";
import { BlockDevice, type BlockStats } from "../block/index.ts";
import type { LoggerKind } from "../btrfs/index.ts";
import { Environment, type Proc } from "../core/index.ts";
import type { FileSystem, FsKind, FsyncPath, Phase } from "../fs/index.ts";
import type { ParamOverride, ParamValue } from "../params/index.ts";
import { buildFilesystem } from "./filesystems.ts";
import { LatencyRecorder, type LatencySummary } from "./latency.ts";

export interface RunConfig {
  readonly job: FioJob;
  readonly device: DeviceKind;
  /** Device parameter overrides (`--set device.X=V`). */
  readonly deviceOverrides?: readonly ParamOverride[];
  readonly fs: FsKind;
  /** The fsync logger (btrfs only). */
  readonly logger?: LoggerKind;
  readonly btrfsOverrides?: readonly ParamOverride[];
  readonly cpuOverrides?: readonly ParamOverride[];
  /** The run's seed: seeds the job's random offsets unless the job sets randseed. */
  readonly seed: number;
  /** Keep one trace row per fsync. */
  readonly trace?: boolean;
  /** Called as writes complete (about every 1 % of the job), with writes done and total. */
  readonly onProgress?: (doneWrites: number, totalWrites: number) => void;
}

/** One fsync, as the trace reports it. */
export interface FsyncTraceRow {
  readonly fsyncIndex: number;
  /** When the fsync was called, from the start of the job, ns. */
  readonly startNs: number;
  readonly latencyNs: number;
  readonly path: FsyncPath;
  readonly logItemsCopied: number;
  readonly logBlocksWritten: number;
  /** Device write commands, bytes and flush commands during the fsync. */
  readonly deviceWrites: number;
  readonly deviceWriteBytes: number;
  readonly deviceFlushes: number;
  readonly fsExtentItems: number;
  readonly breakdownNs: Readonly<Record<Phase, number>>;
}

export interface RunResult {
  readonly fs: FsKind;
  /** The fsync logger; "none" where the filesystem has no log (raw). */
  readonly logger: string;
  readonly device: DeviceKind;
  readonly job: FioJob;
  readonly seed: number;
  readonly writes: number;
  readonly fsyncs: number;
  readonly bytesWritten: number;
  /** From the first I/O to the completion of the last, ns. */
  readonly runtimeNs: number;
  /** write(2) latency, including the O_SYNC flush when sync=1. */
  readonly writeLatency: LatencySummary;
  /** fsync(2)/fdatasync(2) latency. */
  readonly fsyncLatency: LatencySummary;
  /** fsyncs by path. */
  readonly fsyncPaths: Readonly<Record<FsyncPath, number>>;
  /** Total fsync time by phase, ns. */
  readonly fsyncBreakdownNs: Readonly<Record<Phase, number>>;
  readonly block: BlockStats;
  readonly deviceParams: Readonly<Record<string, ParamValue>>;
  /** btrfs and CPU parameters in force (empty for raw). */
  readonly modelParams: Readonly<Record<string, Readonly<Record<string, ParamValue>>>>;
  readonly trace: readonly FsyncTraceRow[] | undefined;
  /** The filesystem model's counters at the end of the job (CPU operations by kind, commits, ...). */
  readonly modelStats: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
}

/** Runs `config` to completion; throws InputError for bad parameters or a job that does not fit. */
export function runJob(config: RunConfig): RunResult {
  const { job } = config;
  const env = new Environment();
  const device = createDevice(config.device, config.deviceOverrides ?? []);
  const bdev = new BlockDevice(env, device.model);
  const built = buildFilesystem(env, bdev, job, {
    fs: config.fs, logger: config.logger ?? "modified-extents", btrfsOverrides: config.btrfsOverrides ?? [], cpuOverrides: config.cpuOverrides ?? [],
  });
  const state = new JobState(config.trace === true);
  const process = env.process(jobProcess(env, built.fs, bdev, config, state));
  while (!process.triggered && env.step()) {
    // run until the job is done
  }
  while (!process.processed && env.step()) {
    // deliver the job's own completion (and any failure it carries)
  }
  if (!process.triggered) throw new Error(`the job process of '${job.name}' never finished: a model left it waiting`);
  built.fs.shutdown();
  return {
    fs: config.fs,
    logger: config.fs === "raw" ? "none" : (config.logger ?? "modified-extents"),
    device: config.device,
    job,
    seed: config.seed,
    writes: state.writes.count,
    fsyncs: state.fsyncs.count,
    bytesWritten: state.writes.count * job.bsBytes,
    runtimeNs: state.endNs - state.startNs,
    writeLatency: state.writes.summary(),
    fsyncLatency: state.fsyncs.summary(),
    fsyncPaths: state.paths,
    fsyncBreakdownNs: state.breakdown,
    block: { ...bdev.stats },
    deviceParams: device.params,
    modelParams: built.params,
    trace: state.trace,
    modelStats: built.fs.modelStats(),
    warnings: built.warnings,
  };
}

class JobState {
  readonly writes = new LatencyRecorder();
  readonly fsyncs = new LatencyRecorder();
  readonly paths: Record<FsyncPath, number> = { fast: 0, full: 0, commit: 0, none: 0 };
  readonly breakdown: Record<Phase, number> = { cpu: 0, dataIo: 0, logIo: 0, flush: 0, commit: 0 };
  readonly trace: FsyncTraceRow[] | undefined;
  startNs = 0;
  endNs = 0;

  constructor(keepTrace: boolean) {
    this.trace = keepTrace ? [] : undefined;
  }
}

/** The fio job: lay out the file, then issue its operations one at a time (a sync engine). */
function* jobProcess(env: Environment, fs: FileSystem, bdev: BlockDevice, config: RunConfig, state: JobState): Proc {
  const { job } = config;
  const file = yield* fs.layout(job);
  const total = jobWriteCount(job);
  const progressEvery = Math.max(1, Math.floor(total / 100));
  state.startNs = env.nowNs;
  for (const op of fioOps(job, config.seed)) {
    const t0 = env.nowNs;
    if (op.kind === "fsync" || op.kind === "fdatasync") {
      const before = { writes: bdev.stats.deviceWrites, bytes: bdev.stats.bytesWritten, flushes: bdev.stats.deviceFlushes };
      const report = yield* fs.fsync(file, op.kind === "fdatasync");
      const latencyNs = env.nowNs - t0;
      state.fsyncs.record(latencyNs);
      state.paths[report.path]++;
      for (const [phase, ns] of Object.entries(report.breakdownNs)) state.breakdown[phase as Phase] += ns;
      state.trace?.push({
        fsyncIndex: state.fsyncs.count - 1,
        startNs: t0 - state.startNs,
        latencyNs,
        path: report.path,
        logItemsCopied: report.logItemsCopied,
        logBlocksWritten: report.logBlocksWritten,
        deviceWrites: bdev.stats.deviceWrites - before.writes,
        deviceWriteBytes: bdev.stats.bytesWritten - before.bytes,
        deviceFlushes: bdev.stats.deviceFlushes - before.flushes,
        fsExtentItems: report.fsExtentItems,
        breakdownNs: report.breakdownNs,
      });
      continue;
    }
    if (op.kind === "truncate") yield* fs.truncate(file, op.sizeBytes);
    else yield* fs.write(file, op.offsetBytes, op.lengthBytes);
    if (job.syncMode !== "none") yield* fs.fsync(file, job.syncMode === "dsync");
    state.writes.record(env.nowNs - t0);
    if (config.onProgress !== undefined && state.writes.count % progressEvery === 0) config.onProgress(state.writes.count, total);
  }
  state.endNs = env.nowNs;
}
