// The filesystem plug point: what a fio job process calls. `raw` maps the file straight onto the
// block device; the btrfs model (next milestone) implements the same three calls.
import type { Proc } from "../core/index.ts";
import type { FioJob } from "../../workloads/index.ts";

/** An open file of the job. */
export interface FileHandle {
  readonly name: string;
  readonly sizeBytes: number;
}

export interface FileSystem {
  /**
   * Creates the job's file as fio lays it out before the timed phase (unlink, create, fallocate
   * per the job's fallocate option) and opens it.
   */
  layout(job: FioJob): Proc<FileHandle>;
  /** write(2)/pwrite(2) of `lengthBytes` at `offsetBytes`; returns when the call would. */
  write(file: FileHandle, offsetBytes: number, lengthBytes: number): Proc;
  /** fsync(2), or fdatasync(2) when `datasync`; returns when the data is durable. */
  fsync(file: FileHandle, datasync: boolean): Proc;
}
