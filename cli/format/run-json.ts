// The JSON document of one run: the summary row plus everything needed to rerun or audit it —
// latency statistics in ns, block-layer counters, the device parameters and job options used.
import type { RunResult } from "../../sim/index.ts";
import { runSummary } from "./run-summary.ts";

export function runDocument(r: RunResult, version: string): object {
  return {
    tool: "fsyncsim",
    version,
    summary: runSummary(r),
    jobFile: r.job.file,
    jobOptions: r.job.options,
    latencyNs: { write: r.writeLatency, fsync: r.fsyncLatency },
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
