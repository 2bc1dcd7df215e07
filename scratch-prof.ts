import { runJob } from "./sim/index.ts";
import { readJobFile } from "./workloads/index.ts";
const { jobs } = readJobFile("workloads/jobs/seed.fio", [{ key: "size", value: process.argv[2] ?? "12m", where: "x" }]);
const t = performance.now();
const r = runJob({ job: jobs[0]!, device: (process.argv[3] ?? "fusion-iodrive") as "fusion-iodrive", fs: "btrfs", logger: (process.argv[4] ?? "truncate-and-copy") as "truncate-and-copy", seed: 1 });
console.log((r.bytesWritten/1024/(r.runtimeNs/1e9)).toFixed(1), "KiB/s", (performance.now()-t).toFixed(0), "ms");
