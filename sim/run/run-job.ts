// One simulated run: a fio job process driving a filesystem on a block device, from layout to the
// job's last operation. Runtime is measured as fio does: from the first I/O to the completion of
// the last, fsyncs included, layout excluded (backend.c do_io).
import { createDevice, type DeviceKind } from "../../devices/index.ts";
import { fioOps, jobWriteCount, type FioJob } from "../../workloads/index.ts";
import { BlockDevice, type BlockStats } from "../block/index.ts";
import { Environment, type Proc } from "../core/index.ts";
import { RawDeviceFs, checkFsKind, type FileSystem, type FsKind } from "../fs/index.ts";
import type { ParamOverride, ParamValue } from "../params/index.ts";
import { LatencyRecorder, type LatencySummary } from "./latency.ts";

export interface RunConfig {
  readonly job: FioJob;
  readonly device: DeviceKind;
  /** Device parameter overrides (`--set device.X=V`). */
  readonly deviceOverrides?: readonly ParamOverride[];
  readonly fs: FsKind;
  /** The run's seed: seeds the job's random offsets unless the job sets randseed. */
  readonly seed: number;
  /** Called as writes complete (about every 1 % of the job), with writes done and total. */
  readonly onProgress?: (doneWrites: number, totalWrites: number) => void;
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
  readonly block: BlockStats;
  readonly deviceParams: Readonly<Record<string, ParamValue>>;
  readonly warnings: readonly string[];
}

/** Runs `config` to completion; throws InputError for bad device parameters or a job that does not fit. */
export function runJob(config: RunConfig): RunResult {
  const { job } = config;
  checkFsKind(config.fs);
  const env = new Environment();
  const device = createDevice(config.device, config.deviceOverrides ?? []);
  const bdev = new BlockDevice(env, device.model);
  const warnings = RawDeviceFs.check(job);
  const fs: FileSystem = new RawDeviceFs(bdev);
  const writes = new LatencyRecorder();
  const fsyncs = new LatencyRecorder();
  const span = { startNs: 0, endNs: 0 };
  const process = env.process(jobProcess(env, fs, config, writes, fsyncs, span));
  env.run();
  if (!process.triggered) throw new Error(`the job process of '${job.name}' never finished: a model left it waiting`);
  return {
    fs: config.fs,
    logger: "none",
    device: config.device,
    job,
    seed: config.seed,
    writes: writes.count,
    fsyncs: fsyncs.count,
    bytesWritten: writes.count * job.bsBytes,
    runtimeNs: span.endNs - span.startNs,
    writeLatency: writes.summary(),
    fsyncLatency: fsyncs.summary(),
    block: { ...bdev.stats },
    deviceParams: device.params,
    warnings,
  };
}

/** The fio job: lay out the file, then issue its operations one at a time (a sync engine). */
function* jobProcess(
  env: Environment,
  fs: FileSystem,
  config: RunConfig,
  writes: LatencyRecorder,
  fsyncs: LatencyRecorder,
  span: { startNs: number; endNs: number },
): Proc {
  const { job } = config;
  const file = yield* fs.layout(job);
  const total = jobWriteCount(job);
  const progressEvery = Math.max(1, Math.floor(total / 100));
  span.startNs = env.nowNs;
  for (const op of fioOps(job, config.seed)) {
    const t0 = env.nowNs;
    if (op.kind === "write") {
      yield* fs.write(file, op.offsetBytes, op.lengthBytes);
      if (job.syncMode !== "none") yield* fs.fsync(file, job.syncMode === "dsync");
      writes.record(env.nowNs - t0);
      if (config.onProgress !== undefined && writes.count % progressEvery === 0) config.onProgress(writes.count, total);
    } else {
      yield* fs.fsync(file, op.kind === "fdatasync");
      fsyncs.record(env.nowNs - t0);
    }
  }
  span.endNs = env.nowNs;
}
