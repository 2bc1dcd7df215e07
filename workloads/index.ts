// Workloads: fio job files read with fio's own option names and grammar, and the I/O streams they
// describe.
export { readJobFile, resolveJobs, type FioJob, type JobOverride, type ResolvedJobs } from "./fio/job.ts";
export { FIO_OPTIONS, findFioOption, fioOptionNames, type FioOption, type FioOptType } from "./fio/options.ts";
export { fioOps, jobWriteCount, offsetSeed, type FioOp } from "./generator.ts";
export { RandomMap } from "./random-map.ts";
