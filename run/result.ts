// What a run measured: per job process (the figures fio reports per job: I/Os, bytes, latency
// statistics by direction, sync latencies) and for the whole run (the sums the CSV summary and
// `reproduce` use), plus the device's and the model's counters. Times are ns, sizes bytes.
import type { BlockStats } from "../block/index.ts";
import type { FsyncPath, Phase } from "../fs/index.ts";
import type { ParamValue } from "../lib/params/index.ts";
import type { FioJob } from "../workloads/index.ts";
import type { LatencySummary } from "./latency.ts";

/** One direction of one process (fio's struct io_stat per data direction). */
export interface DirStats {
  /** Completed I/Os. */
  readonly ios: number;
  readonly bytes: number;
  /**
   * Completion latency of each I/O: the whole system call, as fio's clat is for the sync
   * engines (their submission latency is 0). For an O_SYNC write it includes the sync.
   */
  readonly latency: LatencySummary;
}

/** One job process (a clone of a job section, fio's thread_data). */
export interface ProcessResult {
  readonly jobName: string;
  /** Index of the job section in the job file (0-based), or 0 for an iolog replay. */
  readonly jobIndex: number;
  /** Which of the section's numjobs clones (0-based). */
  readonly clone: number;
  /** fio's reporting group: a new group starts at each stonewall or new_group. */
  readonly groupId: number;
  /** When the process started its timed phase (after startdelay), ns from the start of the run. */
  readonly startNs: number;
  /** From its first I/O to the completion of its last, ns (fio's per-job runtime). */
  readonly runtimeNs: number;
  readonly read: DirStats;
  readonly write: DirStats;
  /** fsync(2) and fdatasync(2) calls: fio's "sync" section. */
  readonly sync: { readonly ios: number; readonly latency: LatencySummary };
}

/** One fsync, as the trace reports it. */
export interface FsyncTraceRow {
  readonly fsyncIndex: number;
  /** The job process that called it (fio's job name and clone). */
  readonly jobName: string;
  readonly clone: number;
  /** When the fsync was called, from the start of the timed phase, ns. */
  readonly startNs: number;
  readonly latencyNs: number;
  readonly path: FsyncPath;
  readonly logItemsCopied: number;
  readonly logBlocksWritten: number;
  /** Device write commands, bytes and flush commands during the fsync (from any process). */
  readonly deviceWrites: number;
  readonly deviceWriteBytes: number;
  readonly deviceFlushes: number;
  readonly fsExtentItems: number;
  readonly breakdownNs: Readonly<Record<Phase, number>>;
}

/** Where the workload came from. */
export interface WorkloadSource {
  /** "job": a fio job file; "iolog": a fio iolog replayed as one job. */
  readonly kind: "job" | "iolog";
  /** The job file, or the iolog file, as given on the command line. */
  readonly file: string;
  /** The workload's name: the first job's name, or the iolog file's base name. */
  readonly name: string;
}

export interface RunResult {
  readonly fs: string;
  /** The fsync logger; "none" where the filesystem has no log (raw). */
  readonly logger: string;
  readonly device: string;
  readonly source: WorkloadSource;
  /** The job sections, in file order (for an iolog: the job whose options framed the replay). */
  readonly jobs: readonly FioJob[];
  /** The first job (the only one for most runs). */
  readonly job: FioJob;
  readonly seed: number;
  readonly processes: readonly ProcessResult[];
  // --- sums over all processes ---
  readonly writes: number;
  readonly reads: number;
  readonly fsyncs: number;
  readonly bytesWritten: number;
  readonly bytesRead: number;
  /** From the first process's first I/O to the last process's last completion, ns. */
  readonly runtimeNs: number;
  /** write(2) latency, including the O_SYNC flush when sync=1. */
  readonly writeLatency: LatencySummary;
  readonly readLatency: LatencySummary;
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
  /** The filesystem model's counters at the end of the run (CPU operations by kind, commits, ...). */
  readonly modelStats: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
}
