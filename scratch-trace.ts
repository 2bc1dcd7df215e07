import { runJob } from "./sim/index.ts";
import { readJobFile } from "./workloads/index.ts";
const [size, device, logger, from, to] = process.argv.slice(2);
const { jobs } = readJobFile("workloads/jobs/seed.fio", [{ key: "size", value: size ?? "50m", where: "x" }]);
const r = runJob({ job: jobs[0]!, device: device as "sata-hdd", fs: "btrfs", logger: logger as "modified-extents", seed: 1, trace: true });
console.log("KiB/s", (r.bytesWritten/1024/(r.runtimeNs/1e9)).toFixed(1), "commits", r.modelStats.commits, "commitBlocks", r.modelStats.commitBlocksWritten, "logSyncs", r.modelStats.logSyncs);
for (const t of r.trace!.slice(Number(from ?? 0), Number(to ?? 20))) console.log(t.fsyncIndex, (t.startNs/1e9).toFixed(3), "lat", (t.latencyNs/1e3).toFixed(0), t.path, "items", t.logItemsCopied, "blk", t.logBlocksWritten, "devW", t.deviceWrites, "KiB", t.deviceWriteBytes/1024, "fl", t.deviceFlushes, "ext", t.fsExtentItems, JSON.stringify(Object.fromEntries(Object.entries(t.breakdownNs).map(([k,v])=>[k,Math.round(v/1e3)]))));
