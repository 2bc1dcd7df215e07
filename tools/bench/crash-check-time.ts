// Times `fsyncsim crash-check` on the full seed job (50 MiB, 12,800 fsyncs) for each logger on
// both 2012 devices, as a user runs it: a fresh process per cell, start-up included, peak memory
// from the kernel's accounting of the child. Prints one row per cell with the checker's counts.
// Usage: npm run bench:crash-check [-- points]
import { spawnSync } from "node:child_process";
import { availableParallelism, cpus } from "node:os";
import { LOGGER_KINDS } from "../../btrfs/index.ts";

const points = process.argv[2] ?? "2000";
const rows: string[] = [];
process.stdout.write(`crash-check, seed job, --points ${points}; ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}\n`);
const header = ["device", "logger", "fsyncs", "points", "states", "violations", "wall s", "peak RSS MiB"];
process.stdout.write(`${header.join("\t")}\n`);
for (const device of ["sata-hdd", "fusion-iodrive"]) {
  for (const logger of LOGGER_KINDS) {
    const t0 = performance.now();
    const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, "bin/fsyncsim.js", "crash-check", "--device", device, "--logger", logger, "--points", points, "--format", "json"], { encoding: "utf8" });
    const s = (performance.now() - t0) / 1000;
    if (r.status !== 0 && r.status !== 1) throw new Error(`crash-check failed: ${r.stderr}`);
    const doc = JSON.parse(r.stdout) as { fsyncs: number; points: number; states: number; violations: number };
    const rssKiB = Number(r.stderr.trim().split("\n").pop());
    const row = [device, logger, doc.fsyncs, doc.points, doc.states, doc.violations, s.toFixed(1), (rssKiB / 1024).toFixed(0)].join("\t");
    rows.push(row);
    process.stdout.write(`${row}\n`);
  }
}
