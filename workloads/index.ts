// Workloads: fio job files read with fio's own option names and grammar, fio iologs, and the
// operation streams and file layouts they describe.
export { readJobFile, resolveJobs, type FioJob, type JobOverride, type ResolvedJobs } from "./fio/job.ts";
export type { FallocateMode, IoEngine, RwMode } from "./fio/job-types.ts";
export { FIO_OPTIONS, SIMULATED_IOENGINES, findFioOption, fioOptionNames, type FioOption, type FioOptType } from "./fio/options.ts";
export { maxBlockBytes, minBlockBytes, type BlockSizeSpec, type BlockSizes } from "./fio/block-sizes.ts";
export type { RandomDistribution } from "./fio/random-distribution.ts";
export { JobStream, type StreamFile } from "./job-stream.ts";
export { planJobs, type PlannedProcess, type WorkloadPlan } from "./plan.ts";
export type { IoOp, IoOpKind, OpStream } from "./ops.ts";
export { parseIolog, readIolog, type IologFile, type IologTrace } from "./iolog/parse.ts";
export { planReplay } from "./iolog/replay.ts";
