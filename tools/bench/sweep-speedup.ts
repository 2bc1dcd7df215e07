// Times `fsyncsim sweep` with 1 worker and with 2, as a user runs it (a fresh process each time,
// start-up and worker start-up included), on a sweep of 32 points of well under 1 s each: the seed
// job at sizes 80m down to 49m on fusion-iodrive with modified-extents (largest first, so the pool
// ends on the shorter points). With 1 worker the points run in the main thread; with 2, each worker
// thread loads the simulator (the compiled copy in dist/ when current, else through tsx) and warms
// up its own JIT (about 1 s of compiler time on its first point), and a single-threaded run
// already gets some 10 % of a second core from V8's background GC and compiler threads. Runs
// alternate between the two worker counts; prints each run, the medians, the speedup and whether it
// reaches 1.7x, and checks every output file is identical. Then it measures the machine's own
// ceiling for the same comparison (tools/bench/parallel-ceiling.ts: a loop that shares nothing, in one
// thread and in two) and prints the sweep's speedup as a share of it.
// Usage: npx tsx tools/bench/sweep-speedup.ts [repetitions=3] [points=32]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parallelCeiling } from "./parallel-ceiling.ts";

const TARGET_SPEEDUP = 1.7;
const SIZES = Array.from({ length: Number(process.argv[3] ?? 32) }, (_, i) => `${80 - i}m`);
const SWEEP = ["sweep", "--device", "fusion-iodrive", "--logger", "modified-extents", "--set", `size=${SIZES.join(",")}`];

const repetitions = Number(process.argv[2] ?? 3);
const dir = mkdtempSync(join(tmpdir(), "fsyncsim-bench-"));
const times: Record<1 | 2, number[]> = { 1: [], 2: [] };
let reference: Buffer | undefined;
let identical = true;

for (let rep = 1; rep <= repetitions; rep++) {
  for (const workers of [1, 2] as const) {
    const out = join(dir, `sweep-${workers}-${rep}.csv`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["bin/fsyncsim.js", ...SWEEP, "--workers", String(workers), "--out", out], { encoding: "utf8" });
    const s = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`sweep failed: ${r.stderr}`);
    times[workers].push(s);
    const bytes = readFileSync(out);
    reference ??= bytes;
    if (!bytes.equals(reference)) identical = false;
    process.stdout.write(`repetition ${rep}, ${workers} worker${workers > 1 ? "s" : ""}: ${s.toFixed(2)} s\n`);
  }
}
rmSync(dir, { recursive: true, force: true });

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const one = median(times[1]);
const two = median(times[2]);
const speedup = one / two;
process.stdout.write(
  `${SIZES.length} points; median ${one.toFixed(2)} s with 1 worker, ${two.toFixed(2)} s with 2: speedup ${speedup.toFixed(2)}x ` +
    `(${speedup >= TARGET_SPEEDUP ? "meets" : "below"} the ${TARGET_SPEEDUP}x target)\n` +
    `outputs ${identical ? "identical" : "DIFFER"} across all ${2 * repetitions} runs; ` +
    `${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}\n`,
);
const ceilings: number[] = [];
for (let rep = 1; rep <= repetitions; rep++) {
  const c = await parallelCeiling();
  ceilings.push(c.speedup);
  process.stdout.write(`machine ceiling, repetition ${rep}: ${c.oneThreadS.toFixed(2)} s in 1 thread, ${c.twoThreadsS.toFixed(2)} s in 2: ${c.speedup.toFixed(2)}x\n`);
}
const ceiling = median(ceilings);
process.stdout.write(`machine ceiling (median) ${ceiling.toFixed(2)}x; the sweep reaches ${((speedup / ceiling) * 100).toFixed(0)} % of it\n`);
if (!identical) process.exitCode = 1;
