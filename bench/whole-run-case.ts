// One whole-run benchmark case, run in a process of its own by whole-run.ts so that its memory
// figure is its own: the seed job (workloads/jobs/seed.fio) at another size, simulated in-process
// as `fsyncsim run --set size=...` does, timed from runJob's call to its return (process start and
// module loading excluded). Prints one JSON line: fsyncs, wall time and the process's peak RSS.
// Usage: node --import tsx bench/whole-run-case.ts <logger> <device> <size, e.g. 400m>
import { loggerKind, runJob } from "../sim/index.ts";
import { deviceSpec, type DeviceKind } from "../devices/index.ts";
import { readJobFile } from "../workloads/index.ts";

const SEED_JOB = "workloads/jobs/seed.fio";

/** What the case reports to its parent. */
export interface CaseResult {
  readonly fsyncs: number;
  readonly wallMs: number;
  /** Peak resident set size of this process, bytes. */
  readonly peakRssBytes: number;
}

const [logger = "", device = "", size = ""] = process.argv.slice(2);
const jobs = readJobFile(SEED_JOB, [{ key: "size", value: size, where: "bench size" }]).jobs;
const config = { jobs, device: deviceSpec(device).name as DeviceKind, fs: "btrfs", logger: loggerKind(logger), seed: 1 } as const;
const t0 = performance.now();
const result = runJob(config);
const wallMs = performance.now() - t0;
const out: CaseResult = { fsyncs: result.fsyncs, wallMs, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
process.stdout.write(`${JSON.stringify(out)}\n`);
