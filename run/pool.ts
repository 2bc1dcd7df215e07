// Running independent simulations on several cores: a piscina pool of worker threads, each running
// one task at a time. Results do not depend on the pool (every run is deterministic and
// self-contained); callers keep their own order. With one worker, tasks run in this thread.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { RunResult } from "./run-job.ts";
import { RUNS_COMPILED } from "../lib/package-root.ts";
import runTask, { type RunTask } from "./workers/run-task.ts";

export interface RunPool {
  readonly workers: number;
  run(task: RunTask): Promise<RunResult>;
  destroy(): Promise<void>;
}

/** The machine's cores (the default for --workers). */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * The worker threads' entry: from the compiled copy (dist/), the compiled task module itself; from
 * the TypeScript sources, a small .mjs that loads the task through tsx (workers do not inherit the
 * main thread's loader).
 */
const WORKER_ENTRY = new URL(RUNS_COMPILED ? "./workers/run-task.js" : "./workers/run-task-worker.mjs", import.meta.url);

export function createRunPool(workers: number): RunPool {
  if (workers <= 1) {
    return { workers: 1, run: async (task) => runTask(task), destroy: async () => undefined };
  }
  const pool = new Piscina({ filename: WORKER_ENTRY.href, maxThreads: workers, minThreads: workers });
  return {
    workers,
    run: (task) => pool.run(task) as Promise<RunResult>,
    destroy: () => pool.destroy(),
  };
}
