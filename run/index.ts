// Running jobs: one run from a job, a device and a filesystem to its measured result.
export { NO_LOGGER, runJob, type FsyncTraceRow, type ProcessResult, type RunConfig, type RunResult, type WorkloadSource } from "./run-job.ts";
export type { DirStats } from "./result.ts";
export { FIO_PERCENTILES, LatencyRecorder, mergedSummary, type LatencySummary } from "./latency.ts";
export { SEED_DEVICES, SEED_LOGGERS, SEED_TABLE, reproduceSeed, seedCase, throughputKiBps, type ReproduceCell, type ReproduceOptions, type ReproduceSpeedup } from "./reproduce.ts";
export { createRunPool, defaultWorkers, type RunPool } from "./pool.ts";
export type { RunTask } from "./workers/run-task.ts";
export { checkRunTask, inShard, keyAppliesTo, parseShard, splitSweepList, sweepPoints, type SweepAxis, type SweepGrid, type SweepPoint, type SweepShard } from "./sweep-grid.ts";
export { ALL_LOGGERS, DEFAULT_FS, FILESYSTEMS, FS_KINDS, buildFilesystem, checkFsKind, fsLogger, fsParamGroups, jobTraits, loggerSpec, type BuiltFs, type FsChoice, type FsKind } from "./filesystems.ts";
export { caseTask, rateIn, runValidation, type ValidateOptions, type ValidationRow } from "./validate.ts";
export { band, bandSamples, uncertainParams, valueAt, type SampleOverrides, type UncertainParam } from "./bands.ts";
export { fitParameter, fitParameters, gaussNewtonStep, simulateCases, type FitOptions, type FitParameter, type FitResult } from "./calibration.ts";
