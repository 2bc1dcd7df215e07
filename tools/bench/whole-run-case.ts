// One whole-run benchmark case, run in a process of its own by whole-run.ts so that its memory
// figure is its own: the seed job (workloads/jobs/seed.fio) at another size, simulated in-process
// as `fsyncsim run --set size=...` does, timed from runJob's call to its return (process start and
// module loading excluded). Like the fsyncsim command, it runs with the command's V8 settings and
// the compiled copy in dist/ while that is current, else the sources through tsx (which ran the
// 1 GiB case in 14.0 s against 12.6 s compiled): tools/bench/sim-modules.ts. Prints one JSON line: fsyncs, wall time, the process's peak RSS, and
// which copy ran.
// Usage: node --import tsx tools/bench/whole-run-case.ts <logger> <device> <size, e.g. 400m>
import { btrfs, compiled, devices, run, SEED_JOB, workloads } from "./sim-modules.ts";

const { runJob } = run;
const { loggerKind } = btrfs;
const { deviceSpec } = devices;
const { readJobFile } = workloads;
type DeviceKind = import("../../devices/index.ts").DeviceKind;

/** What the case reports to its parent. */
export interface CaseResult {
  readonly fsyncs: number;
  readonly wallMs: number;
  /** Peak resident set size of this process, bytes. */
  readonly peakRssBytes: number;
  /** The compiled copy in dist/ ran (else the sources through tsx). */
  readonly compiled: boolean;
}

const [logger = "", device = "", size = ""] = process.argv.slice(2);
const jobs = readJobFile(SEED_JOB, [{ key: "size", value: size, where: "bench size" }]).jobs;
const config = { jobs, device: deviceSpec(device).name as DeviceKind, fs: "btrfs", logger: loggerKind(logger), seed: 1 } as const;
const t0 = performance.now();
const result = runJob(config);
const wallMs = performance.now() - t0;
const out: CaseResult = { fsyncs: result.fsyncs, wallMs, peakRssBytes: process.resourceUsage().maxRSS * 1024, compiled };
process.stdout.write(`${JSON.stringify(out)}\n`);
