// The JSON document of one run: the summary row plus everything needed to rerun or audit it —
// latency statistics in ns, block-layer counters, the device parameters and job options used.
import type { RunResult } from "../../run/index.ts";
import { runSummary } from "./run-summary.ts";

export function runDocument(r: RunResult, version: string): object {
  return {
    tool: "fsyncsim",
    version,
    summary: runSummary(r),
    source: r.source,
    jobFile: r.job.file,
    jobOptions: r.job.options,
    jobs: r.jobs.map((j) => ({ name: j.name, options: j.options })),
    processes: r.processes,
    latencyNs: { write: r.writeLatency, read: r.readLatency, fsync: r.fsyncLatency },
    fsyncPaths: r.fsyncPaths,
    fsyncBreakdownNs: r.fsyncBreakdownNs,
    block: r.block,
    deviceParams: r.deviceParams,
    modelParams: r.modelParams,
    modelStats: r.modelStats,
    warnings: r.warnings,
  };
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
