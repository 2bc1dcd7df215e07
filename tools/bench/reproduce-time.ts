// Times `fsyncsim reproduce` as a user runs it: a fresh process, start-up included. Prints each
// run's wall time and the CPU time of all its threads (the command is bound by CPU on two cores),
// and the median; the machine and worker count go with the figures; then the floor under the
// command's time (tools/bench/reproduce-floor.ts). The timing itself is exported for `npm run bench`
// (tools/bench/whole-run.ts).
// Usage: npm run bench:reproduce [-- runs]
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { pathToFileURL } from "node:url";
import { measureReproduceFloor } from "./reproduce-floor.ts";

/** One run of the command: wall time, and the CPU time of all its threads (undefined off Linux). */
export interface ReproduceTiming {
  readonly wallMs: number;
  readonly cpuMs: number | undefined;
}

/**
 * CPU time (user + system, ms) of this process's waited-for children, from /proc/self/stat's
 * cutime and cstime, in clock ticks of USER_HZ = 100 per second (fixed by Linux's user ABI, proc(5));
 * undefined where there is no /proc.
 */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** Runs `fsyncsim reproduce --format csv` once in a fresh process, start-up included. */
export function timeReproduce(): ReproduceTiming {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["bin/fsyncsim.js", "reproduce", "--format", "csv"], { encoding: "utf8" });
  const wallMs = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  if (r.status !== 0) throw new Error(`reproduce failed: ${r.stderr}`);
  return { wallMs, cpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const runs = Number(process.argv[2] ?? 3);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { wallMs: ms, cpuMs } = timeReproduce();
    times.push(ms);
    process.stdout.write(`run ${i + 1}: ${(ms / 1000).toFixed(2)} s${cpuMs === undefined ? "" : `, CPU ${(cpuMs / 1000).toFixed(2)} s`}\n`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  process.stdout.write(`median ${(median / 1000).toFixed(2)} s over ${runs} runs; ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}\n`);
  const floor = measureReproduceFloor();
  process.stdout.write(`floor: the four cells warm (no start-up, no compilation) take ${(floor.cpuMs / 1000).toFixed(2)} s of CPU, at least ${(floor.floorMs / 1000).toFixed(2)} s on ${floor.cores} cores${floor.compiled ? "" : " (sources through tsx: dist/ not current)"}\n`);
  for (const c of floor.cells) process.stdout.write(`  ${c.device} ${c.logger}: ${(c.cpuMs / 1000).toFixed(2)} s of CPU, ${(c.wallMs / 1000).toFixed(2)} s\n`);
}
