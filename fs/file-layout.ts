// How a workload's file is prepared before the timed phase: what a filesystem's layout() receives.
// The fields are fio's (filesetup.c extend_file); workloads/plan.ts fills them from a job.

/** How a file is prepared before the timed phase (fio's file layout, filesetup.c extend_file). */
export interface FileLayout {
  /** The file's name as the job names it. */
  readonly name: string;
  /** Size the file is laid out to, bytes (0: created empty). */
  readonly sizeBytes: number;
  /** fallocate=: preallocate (native/posix: size grows; keep: KEEP_SIZE), ftruncate to size, or nothing. */
  readonly fallocate: "none" | "native" | "posix" | "keep" | "truncate";
  /** Write the whole file before the job (fio does for read jobs and overwrite=1), then fsync it. */
  readonly fill: boolean;
  /** Drop the file's clean cached pages before the job (fio's invalidate=1). */
  readonly invalidate: boolean;
  /** The file exists before the job starts (false: created when the job first opens it). */
  readonly precreate: boolean;
}
