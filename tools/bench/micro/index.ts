// The micro-benchmark areas, each run in a Bench of its own (so one area's large fixtures are
// garbage once it is done), and their results as report rows.
import { Bench } from "tinybench";
import type { BenchRow } from "../report.ts";
import { addBtreeTasks } from "./btree.ts";
import { addDeviceTasks } from "./devices.ts";
import { addEventQueueTasks } from "./event-queue.ts";
import { addExtentMapTasks } from "./extent-map.ts";
import { addLogCopyTasks } from "./log-copy.ts";

/** Each area registers its tasks (and builds their fixtures) on the bench it is given. */
export const MICRO_AREAS: ReadonlyArray<(bench: Bench) => void> = [addEventQueueTasks, addBtreeTasks, addLogCopyTasks, addExtentMapTasks, addDeviceTasks];

export interface MicroOptions {
  /** Measuring time per task, ms (tinybench `time`). */
  readonly timeMs: number;
  /** Warm-up time per task, ms. */
  readonly warmupMs: number;
  /** Called with each area's rows as they complete. */
  readonly onRows?: (rows: readonly BenchRow[]) => void;
}

/** Runs every area; one row per task. A task that throws stops the run. */
export async function runMicro(options: MicroOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const register of MICRO_AREAS) {
    // A few iterations at least, not tinybench's 64: some tasks take tens of ms.
    const bench = new Bench({ time: options.timeMs, warmupTime: options.warmupMs, iterations: 8, warmupIterations: 2, throws: true });
    register(bench);
    await bench.run();
    const area = bench.tasks.map((task): BenchRow => {
      const r = task.result;
      if (r.state !== "completed") throw new Error(`${task.name}: ${r.state}`);
      return { name: task.name, opsPerS: 1000 / r.latency.mean, meanMs: r.latency.mean, rmePct: r.latency.rme, samples: r.latency.samplesCount };
    });
    options.onRows?.(area);
    rows.push(...area);
  }
  return rows;
}
