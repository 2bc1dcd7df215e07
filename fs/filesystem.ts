// The filesystem plug point: what a fio job process calls. `raw` maps the file straight onto the
// block device; `btrfs` is the mechanistic model of Linux 3.7-era btrfs. Both report each fsync:
// which path it took, what it wrote to the log, and where its time went.
import type { Proc } from "../sim/index.ts";
import type { FileLayout } from "./file-layout.ts";

/** A file of the workload, as the filesystem knows it. */
export interface FileHandle {
  /** Index in the workload's file list. */
  readonly index: number;
  readonly name: string;
}

/** Who is calling: the job process (fio's thread number), for locks and the log's batching. */
export interface IoContext {
  readonly pid: number;
}

/** How the file was opened: O_DIRECT (no page cache). */
export interface OpenFlags {
  readonly direct: boolean;
}

/**
 * Where an operation's time goes (the trace's breakdown columns): its own CPU; waiting for data,
 * log and flush I/O; waiting for a transaction commit; and waiting for other processes
 * (contention: the inode's i_mutex, another process's log sync, the log's batching sleep).
 */
export const PHASES = ["cpu", "dataIo", "logIo", "flush", "commit", "contention"] as const;
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
   * Prepares a file before the timed phase as fio lays it out (create; fallocate or ftruncate;
   * write it in full and fsync it when `fill`; drop its page cache when `invalidate`).
   */
  layout(file: FileLayout, index: number): Proc<FileHandle>;
  /** Creates an empty file inside the timed phase (fio's create_on_open). */
  create(ctx: IoContext, file: FileLayout, index: number): Proc<FileHandle>;
  /** write(2)/pwrite(2) of `lengthBytes` at `offsetBytes`; returns when the call would. */
  write(ctx: IoContext, file: FileHandle, offsetBytes: number, lengthBytes: number, flags: OpenFlags): Proc;
  /** read(2)/pread(2); from the page cache where it holds the data, else from the device. */
  read(ctx: IoContext, file: FileHandle, offsetBytes: number, lengthBytes: number, flags: OpenFlags): Proc;
  /** fsync(2), or fdatasync(2) when `datasync`; returns when the data is durable. */
  fsync(ctx: IoContext, file: FileHandle, datasync: boolean): Proc<FsyncReport>;
  /** ftruncate(2) to `sizeBytes`. */
  truncate(ctx: IoContext, file: FileHandle, sizeBytes: number): Proc;
  /** Stops background work (the transaction kthread) once the job is done. */
  shutdown(): void;
  /** Model counters for the results (operations by kind, commits, ...); empty where there are none. */
  modelStats(): Readonly<Record<string, number>>;
}
