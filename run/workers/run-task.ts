// A run as a worker-thread task: the job and configuration in, the RunResult out (both plain,
// structured-cloneable data). Used by parallel reproductions and sweeps.
import { runJob, type RunConfig, type RunResult } from "../run-job.ts";

export type RunTask = Omit<RunConfig, "onProgress" | "instrument">;

export default function runTask(task: RunTask): RunResult {
  return runJob(task);
}
