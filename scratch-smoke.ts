import { runJob } from "./sim/index.ts";
import { readJobFile } from "./workloads/index.ts";
const size = process.argv[2] ?? "50m";
const { jobs } = readJobFile("workloads/jobs/seed.fio", [{ key: "size", value: size, where: "x" }]);
for (const device of ["sata-hdd", "fusion-iodrive"] as const) for (const logger of ["truncate-and-copy", "modified-extents"] as const) {
  const t = performance.now();
  const r = runJob({ job: jobs[0]!, device, fs: "btrfs", logger, seed: 1 });
  const kib = r.bytesWritten / 1024 / (r.runtimeNs / 1e9);
  const bd = Object.fromEntries(Object.entries(r.fsyncBreakdownNs).map(([k, v]) => [k, +(v / r.fsyncs / 1e3).toFixed(1)]));
  console.log(device, logger, kib.toFixed(1), "KiB/s", (r.runtimeNs/1e9).toFixed(1), "s", JSON.stringify(r.fsyncPaths), "per-fsync us", JSON.stringify(bd), "devW", r.block.deviceWrites, "flush", r.block.deviceFlushes, (performance.now() - t).toFixed(0), "ms");
}
