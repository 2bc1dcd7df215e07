// Times `fsyncsim reproduce` as a user runs it: a fresh process, start-up included. Prints each
// run and the median; the machine and worker count go with the figures. The timing itself is
// exported for `npm run bench` (bench/whole-run.ts).
// Usage: npm run bench:reproduce [-- runs]
import { spawnSync } from "node:child_process";
import { availableParallelism, cpus } from "node:os";
import { pathToFileURL } from "node:url";

/** Runs `fsyncsim reproduce --format csv` once in a fresh process; its wall time in ms, start-up included. */
export function timeReproduceMs(): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["bin/fsyncsim.js", "reproduce", "--format", "csv"], { encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`reproduce failed: ${r.stderr}`);
  return ms;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const runs = Number(process.argv[2] ?? 3);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ms = timeReproduceMs();
    times.push(ms);
    process.stdout.write(`run ${i + 1}: ${(ms / 1000).toFixed(2)} s\n`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  process.stdout.write(`median ${(median / 1000).toFixed(2)} s over ${runs} runs; ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}\n`);
}
