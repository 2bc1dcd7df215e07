import { runJob } from "./sim/index.ts";
import { readJobFile } from "./workloads/index.ts";
const [size, device, logger, thr] = process.argv.slice(2);
const { jobs } = readJobFile("workloads/jobs/seed.fio", [{ key: "size", value: size ?? "50m", where: "x" }]);
const r = runJob({ job: jobs[0]!, device: device as "sata-hdd", fs: "btrfs", logger: logger as "modified-extents", seed: 1, trace: true });
const tr = r.trace!; const lat = tr.map(t => t.latencyNs).sort((a,b)=>a-b);
console.log("KiB/s", (r.bytesWritten/1024/(r.runtimeNs/1e9)).toFixed(1), "commits", r.modelStats.commits, "p50", lat[lat.length>>1]!/1e3, "p99", lat[Math.floor(lat.length*0.99)]!/1e3, "max", lat[lat.length-1]!/1e3);
for (const t of tr) if (t.latencyNs > Number(thr ?? 40e6)) console.log(t.fsyncIndex, (t.startNs/1e9).toFixed(3), "lat", (t.latencyNs/1e3).toFixed(0), t.path, "items", t.logItemsCopied, "blk", t.logBlocksWritten, "devW", t.deviceWrites, "KiB", t.deviceWriteBytes/1024, "fl", t.deviceFlushes, JSON.stringify(Object.fromEntries(Object.entries(t.breakdownNs).map(([k,v])=>[k,Math.round(v/1e3)]))));
