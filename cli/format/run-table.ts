// One run for a person at a terminal: what ran, how fast, and what the device saw.
import type { RunResult } from "../../sim/index.ts";
import { bytesToMiB, fixed, humanDuration, nsToS } from "./units.ts";
import { runSummary } from "./run-summary.ts";

export function runTable(r: RunResult): string {
  const s = runSummary(r);
  const fsLabel = r.logger === "none" ? r.fs : `${r.fs} (${r.logger})`;
  const lines = [
    `fsyncsim: job '${r.job.name}' (${r.job.file}) on ${r.device}, fs ${fsLabel}, seed ${r.seed}`,
    `  writes      ${r.writes} x ${r.job.bsBytes} B = ${fixed(bytesToMiB(r.bytesWritten), 1)} MiB`,
    `  fsyncs      ${r.fsyncs}`,
    `  runtime     ${fixed(nsToS(r.runtimeNs), 3)} s (simulated)`,
    `  throughput  ${s.throughput_kib_per_s} KiB/s, ${s.iops} IOPS`,
    `  write lat   mean ${humanDuration(r.writeLatency.meanNs)}, p50 ${humanDuration(r.writeLatency.p50Ns)}, p99 ${humanDuration(r.writeLatency.p99Ns)}`,
  ];
  if (r.fsyncs > 0) {
    lines.push(`  fsync lat   mean ${humanDuration(r.fsyncLatency.meanNs)}, p50 ${humanDuration(r.fsyncLatency.p50Ns)}, p99 ${humanDuration(r.fsyncLatency.p99Ns)}`);
    if (r.fs !== "raw") {
      const p = r.fsyncPaths;
      const each = (ns: number): string => humanDuration(ns / r.fsyncs);
      const b = r.fsyncBreakdownNs;
      lines.push(`  fsync paths fast ${p.fast}, full ${p.full}, commit ${p.commit}, none ${p.none}`);
      lines.push(`  fsync time  cpu ${each(b.cpu)}, data I/O ${each(b.dataIo)}, log I/O ${each(b.logIo)}, flush ${each(b.flush)}, commit wait ${each(b.commit)} (mean per fsync)`);
    }
  }
  const b = r.block;
  lines.push(
    `  device      ${b.deviceWrites} writes (${fixed(bytesToMiB(b.bytesWritten), 1)} MiB), ${b.deviceFlushes} flushes, ${b.deviceFuaWrites} FUA writes` +
      (b.flushesCompletedAtOnce > 0 ? `, ${b.flushesCompletedAtOnce} flushes completed at once (no volatile cache)` : ""),
  );
  return `${lines.join("\n")}\n`;
}
