// An iolog replayed as one job process (fio's read_iolog): the log's operations in order, on the
// log's files. fio itself does not lay out a replayed job's files (setup_files skips it when
// read_iolog is set), so the files must already exist; fsyncsim lays each out as the framing job
// would have (its fallocate= and invalidate=), sized to the largest offset the log touches, and
// written in full first when the log reads (as fio lays out a file a job reads). For the seed job's
// log that reproduces the state the recording started from: a fresh, preallocated 50 MiB file.
import type { FioJob } from "../fio/job-types.ts";
import type { WorkloadPlan } from "../plan.ts";
import type { IologTrace } from "./parse.ts";

export function planReplay(trace: IologTrace, job: FioJob, seed: number): WorkloadPlan {
  const reads = trace.ops.some((op) => op.kind === "read");
  const files = trace.files.map((f) => ({
    name: f.name,
    sizeBytes: f.extentBytes,
    fallocate: job.fallocate,
    fill: reads || job.overwrite,
    invalidate: job.invalidate,
    precreate: true,
  }));
  const streamFiles = trace.files.map((f, file) => ({ file, regionStartBytes: 0, regionBytes: f.extentBytes }));
  return { files, processes: [{ job, clone: 0, threadNumber: 1, groupId: 0, phase: 0, files: streamFiles, seed: String(job.randseed ?? seed) }] };
}
