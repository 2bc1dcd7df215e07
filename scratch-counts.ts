import { runJob } from "./sim/index.ts";
import { BtrfsFilesystem } from "./sim/btrfs/index.ts";
import { readJobFile } from "./workloads/index.ts";
import * as fsmod from "./sim/run/filesystems.ts";
const size = process.argv[2] ?? "50m"; const device = (process.argv[3] ?? "fusion-iodrive") as "fusion-iodrive"; const logger = (process.argv[4] ?? "truncate-and-copy") as "truncate-and-copy";
const { jobs } = readJobFile("workloads/jobs/seed.fio", [{ key: "size", value: size, where: "x" }]);
let captured: BtrfsFilesystem | undefined;
const orig = fsmod.buildFilesystem;
const r = runJob({ job: jobs[0]!, device, fs: "btrfs", logger, seed: 1, trace: true });
console.log("fsyncs", r.fsyncs, "KiB/s", (r.bytesWritten/1024/(r.runtimeNs/1e9)).toFixed(1));
const tr = r.trace!;
const items = tr.reduce((s, t) => s + t.logItemsCopied, 0), blocks = tr.reduce((s, t) => s + t.logBlocksWritten, 0);
console.log("avg log items copied", (items / tr.length).toFixed(1), "avg log blocks", (blocks/tr.length).toFixed(1), "final fs extent items", tr[tr.length-1]!.fsExtentItems);
for (const i of [0, 1, 100, 1000, 2000, 3000, 5000, 8000, 12000].filter(i => i < tr.length)) { const t = tr[i]!; console.log(i, (t.startNs/1e9).toFixed(2), "s lat", (t.latencyNs/1e3).toFixed(0), "us", t.path, "items", t.logItemsCopied, "blocks", t.logBlocksWritten, "ext", t.fsExtentItems, JSON.stringify(Object.fromEntries(Object.entries(t.breakdownNs).map(([k,v])=>[k,Math.round(v/1e3)])))); }
const ms = r.modelStats; const tot = Object.entries(ms).filter(([k]) => k.endsWith(".us")).reduce((s,[,v])=>s+v,0);
for (const [k, v] of Object.entries(ms)) if (!k.startsWith("cpu.") || (k.endsWith(".us") && v > 0)) console.log(k, Math.round(v), k.endsWith(".us") ? `${(100*v/tot).toFixed(1)}% count ${ms[k.replace(".us",".count")]}` : "");
