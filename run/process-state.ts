// What the runner records about one job process while it runs, and the fsync bookkeeping shared
// by all processes of a run (paths, time by phase, the trace).
import type { FsyncPath, FsyncReport, Phase } from "../fs/index.ts";
import { LatencyRecorder } from "./latency.ts";
import type { FsyncTraceRow, ProcessResult } from "./result.ts";
import type { PlannedProcess } from "../workloads/index.ts";

export class ProcessState {
  readonly planned: PlannedProcess;
  readonly reads = new LatencyRecorder();
  readonly writes = new LatencyRecorder();
  readonly syncs = new LatencyRecorder();
  bytesRead = 0;
  bytesWritten = 0;
  /** Read and write I/Os issued (for rate_iops). */
  readonly issued = { read: 0, write: 0 };
  readonly issuedBytes = { read: 0, write: 0 };
  startNs = 0;
  endNs = 0;
  started = false;

  constructor(planned: PlannedProcess) {
    this.planned = planned;
  }

  result(): ProcessResult {
    const p = this.planned;
    return {
      jobName: p.job.name,
      jobIndex: p.job.index,
      clone: p.clone,
      groupId: p.groupId,
      startNs: this.startNs,
      runtimeNs: this.endNs - this.startNs,
      read: { ios: this.reads.count, bytes: this.bytesRead, latency: this.reads.summary() },
      write: { ios: this.writes.count, bytes: this.bytesWritten, latency: this.writes.summary() },
      sync: { ios: this.syncs.count, latency: this.syncs.summary() },
    };
  }
}

/** fsync paths, time by phase and the per-fsync trace, over all processes. */
export class FsyncLedger {
  readonly paths: Record<FsyncPath, number> = { fast: 0, full: 0, commit: 0, none: 0 };
  readonly breakdown: Record<Phase, number> = { cpu: 0, dataIo: 0, logIo: 0, flush: 0, commit: 0, contention: 0 };
  readonly all = new LatencyRecorder();
  readonly trace: FsyncTraceRow[] | undefined;

  constructor(keepTrace: boolean) {
    this.trace = keepTrace ? [] : undefined;
  }

  record(
    process: ProcessState,
    report: FsyncReport,
    startNs: number,
    latencyNs: number,
    device: { readonly writes: number; readonly bytes: number; readonly flushes: number },
  ): void {
    this.all.record(latencyNs);
    process.syncs.record(latencyNs);
    this.paths[report.path]++;
    for (const [phase, ns] of Object.entries(report.breakdownNs)) this.breakdown[phase as Phase] += ns;
    this.trace?.push({
      fsyncIndex: this.all.count - 1,
      jobName: process.planned.job.name,
      clone: process.planned.clone,
      startNs,
      latencyNs,
      path: report.path,
      logItemsCopied: report.logItemsCopied,
      logBlocksWritten: report.logBlocksWritten,
      deviceWrites: device.writes,
      deviceWriteBytes: device.bytes,
      deviceFlushes: device.flushes,
      fsExtentItems: report.fsExtentItems,
      breakdownNs: report.breakdownNs,
    });
  }
}
