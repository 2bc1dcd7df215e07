// The floor under `fsyncsim reproduce`'s time on this machine: each of its four cells (the seed job
// on sata-hdd and fusion-iodrive, with each logger) run twice in this one process, the second run
// measured, so the figure has no process start, no module loading and no JIT compilation of cold
// code in it. The CPU time is the whole process's (process.cpuUsage: the simulation's thread plus
// V8's collector and compiler helpers). The command cannot finish sooner than the cells' CPU time
// spread evenly over the cores. Run in a process of its own by tools/bench/reproduce-floor.ts; prints one
// JSON line.
// Usage: node --import tsx tools/bench/reproduce-floor-case.ts
import { compiled, run, SEED_JOB, workloads } from "./sim-modules.ts";

/** One cell, warm. */
export interface FloorCell {
  readonly device: string;
  readonly logger: string;
  readonly fsyncs: number;
  /** CPU time of the whole process during the warm run, user + system, ms. */
  readonly cpuMs: number;
  readonly wallMs: number;
}

export interface FloorResult {
  readonly cells: readonly FloorCell[];
  /** The compiled copy in dist/ ran (else the sources through tsx). */
  readonly compiled: boolean;
}

const { jobs } = workloads.readJobFile(SEED_JOB, []);
const cells: FloorCell[] = [];
for (const device of run.SEED_DEVICES) {
  for (const logger of run.SEED_LOGGERS) {
    const config = { jobs, device, fs: "btrfs", logger, seed: 1 } as const;
    run.runJob(config);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = run.runJob(config);
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cells.push({ device, logger, fsyncs: r.fsyncs, cpuMs: (cpu.user + cpu.system) / 1000, wallMs });
  }
}
const out: FloorResult = { cells, compiled };
process.stdout.write(`${JSON.stringify(out)}\n`);
