// Running jobs: one run from a job, a device and a filesystem to its measured result.
export { runJob, type RunConfig, type RunResult } from "./run-job.ts";
export { LatencyRecorder, type LatencySummary } from "./latency.ts";
