// Whole-run benchmarks against issue 7's targets (2-core machine): the seed job's random 4 KiB
// writes with an fsync after each, at larger sizes, simulated in-process in a fresh child process
// per case (tools/bench/whole-run-case.ts, so peak memory is per case), and `fsyncsim reproduce` as a
// user runs it (tools/bench/reproduce-time.ts), with the floor under its time (tools/bench/reproduce-floor.ts).
// `scale` shrinks the job sizes for quick checks; time limits shrink with it, and such verdicts
// are marked "*" (indicative, not the issue's measure).
import { spawnSync } from "node:child_process";
import type { BenchRow } from "./report.ts";
import { measureReproduceFloor } from "./reproduce-floor.ts";
import { timeReproduce } from "./reproduce-time.ts";
import type { CaseResult } from "./whole-run-case.ts";

const GiB = 1024 ** 3;

interface WholeRunCase {
  readonly logger: "modified-extents" | "truncate-and-copy";
  readonly device: "fusion-iodrive";
  /** Job size at full scale, MiB. */
  readonly sizeMiB: number;
  readonly target: string;
  /** Whether the target holds; time limits are multiplied by `scale`. */
  holds(r: CaseResult, scale: number): boolean;
}

/** The issue's targets for simulated runs. */
const CASES: readonly WholeRunCase[] = [
  {
    logger: "modified-extents", device: "fusion-iodrive", sizeMiB: 400, target: ">= 100,000 fsyncs/s",
    holds: (r) => r.fsyncs / (r.wallMs / 1000) >= 100_000,
  },
  {
    logger: "modified-extents", device: "fusion-iodrive", sizeMiB: 1024, target: "< 15 s and < 1 GiB",
    holds: (r, scale) => r.wallMs < 15_000 * scale && r.peakRssBytes < GiB,
  },
  {
    logger: "truncate-and-copy", device: "fusion-iodrive", sizeMiB: 200, target: "< 60 s",
    holds: (r, scale) => r.wallMs < 60_000 * scale,
  },
];

/** `fsyncsim reproduce`, process start included: the seed job itself, never scaled. */
const REPRODUCE_LIMIT_MS = 2_000;

export interface WholeRunOptions {
  /** Job sizes relative to the issue's (1 = as the targets state them). */
  readonly scale: number;
  /** Runs of `fsyncsim reproduce`; the median is reported. */
  readonly reproduceRuns: number;
  /** A case still running after this long is stopped and reported as failing, s. */
  readonly timeoutS: number;
  /** Called with each row as it completes. */
  readonly onRow?: (row: BenchRow) => void;
}

export function runWholeRuns(options: WholeRunOptions): BenchRow[] {
  const rows: BenchRow[] = [];
  const emit = (row: BenchRow): void => {
    rows.push(row);
    options.onRow?.(row);
  };
  const mark = options.scale === 1 ? "" : "*";
  for (const c of CASES) {
    const sizeMiB = Math.max(1, Math.round(c.sizeMiB * options.scale));
    const name = `run: ${c.logger}, ${sizeMiB} MiB, ${c.device}`;
    const r = runCase(c, sizeMiB, options.timeoutS);
    if (r === undefined) {
      emit({ name: `${name} (stopped)`, meanMs: options.timeoutS * 1000, samples: 1, target: c.target, holds: `no${mark}` });
      continue;
    }
    emit({
      name: r.compiled ? name : `${name} (sources through tsx: dist/ not current)`,
      opsPerS: r.fsyncs / (r.wallMs / 1000), meanMs: r.wallMs, samples: 1, peakRssBytes: r.peakRssBytes,
      target: c.target, holds: `${c.holds(r, options.scale) ? "yes" : "no"}${mark}`,
    });
  }
  const runs = Array.from({ length: options.reproduceRuns }, () => timeReproduce()).sort((a, b) => a.wallMs - b.wallMs);
  const median = runs[Math.floor(runs.length / 2)];
  const cpu = median?.cpuMs === undefined ? "" : `; CPU ${(median.cpuMs / 1000).toFixed(1)} s`;
  emit({ name: `fsyncsim reproduce (process start included${cpu})`, meanMs: median?.wallMs ?? NaN, samples: runs.length, target: "< 2 s", holds: (median?.wallMs ?? Infinity) < REPRODUCE_LIMIT_MS ? "yes" : "no" });
  const floor = measureReproduceFloor();
  const floorName = `reproduce's floor: its cells warm, ${(floor.cpuMs / 1000).toFixed(1)} s of CPU over ${floor.cores} cores`;
  emit({ name: floor.compiled ? floorName : `${floorName} (sources through tsx: dist/ not current)`, meanMs: floor.floorMs, samples: 1 });
  return rows;
}

/** Runs one case in a fresh process; undefined if it ran past the timeout. */
function runCase(c: WholeRunCase, sizeMiB: number, timeoutS: number): CaseResult | undefined {
  const args = ["--import", "tsx", "tools/bench/whole-run-case.ts", c.logger, c.device, `${sizeMiB}m`];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", timeout: timeoutS * 1000, killSignal: "SIGKILL" });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT") return undefined;
  if (r.status !== 0) throw new Error(`tools/bench/whole-run-case.ts ${args.slice(3).join(" ")} failed (${r.signal ?? `status ${r.status}`}): ${r.stderr}`);
  return JSON.parse(r.stdout) as CaseResult;
}
