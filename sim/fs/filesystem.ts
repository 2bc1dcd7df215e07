// The filesystem plug point: what a fio job process calls. `raw` maps the file straight onto the
// block device; `btrfs` is the mechanistic model of Linux 3.7-era btrfs. Both report each fsync:
// which path it took, what it wrote to the log, and where its time went.
import type { Proc } from "../core/index.ts";
import type { FioJob } from "../../workloads/index.ts";

/** An open file of the job. */
export interface FileHandle {
  readonly name: string;
  readonly sizeBytes: number;
}

/** Where an operation's time goes (the trace's breakdown columns). */
export const PHASES = ["cpu", "dataIo", "logIo", "flush", "commit"] as const;
export type Phase = (typeof PHASES)[number];

/**
 * How an fsync was served: `fast` = the log got only what changed; `full` = the log got a full copy
 * of the inode; `commit` = the transaction was committed; `none` = nothing needed syncing.
 */
export const FSYNC_PATHS = ["fast", "full", "commit", "none"] as const;
export type FsyncPath = (typeof FSYNC_PATHS)[number];

export interface FsyncReport {
  readonly path: FsyncPath;
  /** Items inserted into the log tree by this fsync (checksum items excluded). */
  readonly logItemsCopied: number;
  /** Log tree and log root tree blocks written by this fsync (each counted once, whatever the copies). */
  readonly logBlocksWritten: number;
  /** The file's extent items in the fs tree after the fsync (0 where there is no such tree). */
  readonly fsExtentItems: number;
  /** Time by phase, ns; sums to the fsync's latency. */
  readonly breakdownNs: Readonly<Record<Phase, number>>;
}

export interface FileSystem {
  /**
   * Creates the job's file as fio lays it out before the timed phase (create, and fallocate per the
   * job's fallocate option) and opens it.
   */
  layout(job: FioJob): Proc<FileHandle>;
  /** write(2)/pwrite(2) of `lengthBytes` at `offsetBytes`; returns when the call would. */
  write(file: FileHandle, offsetBytes: number, lengthBytes: number): Proc;
  /** fsync(2), or fdatasync(2) when `datasync`; returns when the data is durable. */
  fsync(file: FileHandle, datasync: boolean): Proc<FsyncReport>;
  /** ftruncate(2) to `sizeBytes`. */
  truncate(file: FileHandle, sizeBytes: number): Proc;
  /** Stops background work (the transaction kthread) once the job is done. */
  shutdown(): void;
  /** Model counters for the results (operations by kind, commits, ...); empty where there are none. */
  modelStats(): Readonly<Record<string, number>>;
}
