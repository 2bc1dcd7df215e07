// The I/O operations a job process issues, whatever describes them (a fio job's generator or a
// replayed fio iolog), and the stream interface the runner pulls them through. Files are indices
// into the workload's file list; offsets and lengths are bytes; times are integer nanoseconds
// from the moment the process starts its timed phase.

export type IoOp =
  /** read(2)/pread(2) or write(2)/pwrite(2) of `lengthBytes` at `offsetBytes`. */
  | { readonly kind: "read" | "write"; readonly file: number; readonly offsetBytes: number; readonly lengthBytes: number; readonly atNs?: number }
  /** fsync(2) or fdatasync(2). */
  | { readonly kind: "fsync" | "fdatasync"; readonly file: number; readonly atNs?: number }
  /** ftruncate(2) to `sizeBytes` (fio's ftruncate engine; `lengthBytes` is the I/O unit fio accounts as written). */
  | { readonly kind: "truncate"; readonly file: number; readonly sizeBytes: number; readonly lengthBytes: number; readonly atNs?: number }
  /** open(2) / close(2) of a file (iologs; a fio job opens its files before the timed phase). */
  | { readonly kind: "open" | "close"; readonly file: number; readonly atNs?: number }
  /** The process does nothing for `durationNs` (or until `atNs`: an iolog v2 wait line). */
  | { readonly kind: "wait"; readonly durationNs: number; readonly atNs?: number };

/**
 * `atNs`, where set, is the earliest time the operation may be issued (an iolog v3 timestamp):
 * the runner waits until then if the process is early, and issues it at once if late.
 */
export type IoOpKind = IoOp["kind"];

/** A process's operations, pulled one at a time; `undefined` ends the process. */
export interface OpStream {
  /** The next operation, given the time since the process's timed phase began. */
  next(elapsedNs: number): IoOp | undefined;
}
