// Running jobs: one run from a job, a device and a filesystem to its measured result.
export { runJob, type FsyncTraceRow, type RunConfig, type RunResult } from "./run-job.ts";
export { LatencyRecorder, type LatencySummary } from "./latency.ts";
export { SEED_DEVICES, SEED_LOGGERS, SEED_TABLE, reproduceSeed, throughputKiBps, type ReproduceCell, type ReproduceOptions, type ReproduceSpeedup } from "./reproduce.ts";
export { createRunPool, defaultWorkers, type RunPool } from "./pool.ts";
export type { RunTask } from "./workers/run-task.ts";
