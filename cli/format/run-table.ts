// One run for a person at a terminal: fio's own normal output (fio 3.33 stat.c
// show_thread_status_normal, show_group_stats, print_disk_util, with its num2str number rules), so
// the lines fio users read and grep are where they expect them, then what fio cannot show: where the
// run came from, the fsync paths btrfs took and where each fsync's time went.
//
// Left out, because a simulation has no honest figure for them: fio's preamble ("Starting 1
// process"), the wall-clock time after pid= (pid is the process's place in the run, from 1), the
// "lat (usec)   : 4=96.58%" histogram lines (a summary has no histogram), the cpu line (the process's
// own user/system split is not modelled), the bw/iops sample lines (no per-interval samples), and
// IO depths where more than one I/O may be in flight (posixaio with iodepth > 1). fio 3.33 prints
// IO depths 1=199.9% for a sync job (it counts syncs); this prints 100.0%. " lat" repeats clat (no
// submission latency is modelled). Rates use the exact simulated runtime; the msec figures are
// rounded to whole milliseconds. Report entries and groups come from fio-json.ts.
import { FIO_PERCENTILES, NO_LOGGER, type LatencySummary, type RunResult } from "../../run/index.ts";
import type { Phase } from "../../fs/filesystem.ts";
import { bytesPerS, fioGroupStats, fioReportEntries, nsToWholeMs, type FioDirTotals, type FioGroupDir, type FioReportEntry } from "./fio-json.ts";
import { bytesToMiB, fixed, humanDuration } from "./units.ts";

/** fio's significant_figures default (options.c "significant_figures", def "4"). */
const SIG_FIGS = 4;
/** fio's percentile_precision for the default percentile_list. */
const PERCENTILE_PRECISION = 2;
const PHASE_LABELS: Readonly<Record<Phase, string>> = {
  cpu: "cpu", dataIo: "data I/O", logIo: "log I/O", flush: "flush", commit: "commit wait", contention: "contention",
};

type N2sUnit = "" | "B" | "B/s" | "bit/s";

/**
 * printf("%.{digits}f", modulo / thousand) as glibc prints it: the exact value of the double, ties to
 * even. JS toFixed agrees except on exact ties (it rounds them up), which happen only when the double
 * is exact: always for 1024, for 1000 when modulo is a multiple of 125.
 */
function fractionText(modulo: number, thousand: number, digits: number): string {
  if (thousand === 1000 && modulo % 125 !== 0) return (modulo / thousand).toFixed(digits);
  const num = modulo * 10 ** digits;
  let q = Math.floor(num / thousand);
  const twice = 2 * (num - q * thousand);
  if (twice > thousand || (twice === thousand && q % 2 === 1)) q++;
  return q === 10 ** digits ? `1.${"0".repeat(digits)}` : `0.${String(q).padStart(digits, "0")}`;
}

/** fio's num2str (lib/num2str.c): at most `maxlen` digits, then a k/M/G (or Ki/Mi/Gi) prefix. */
export function num2str(value: number, maxlen: number, pow2: boolean, unit: N2sUnit): string {
  const prefixes = pow2 ? ["", "Ki", "Mi", "Gi", "Ti", "Pi"] : ["", "k", "M", "G", "T", "P"];
  const thousand = pow2 ? 1024 : 1000;
  let num = Math.floor(unit === "bit/s" ? value * 8 : value);
  let post = 0;
  let modulo = -1;
  let carry = false;
  while (post < prefixes.length && String(num).length > maxlen) {
    modulo = num % thousand;
    num = Math.floor(num / thousand);
    carry = modulo >= thousand / 2;
    post++;
  }
  if (post >= prefixes.length) post = 0;
  const done = (n: number): string => `${n}${prefixes[post] ?? ""}${unit}`;
  if (modulo === -1) return done(num);
  const decimals = maxlen - String(num).length;
  if (decimals <= 1) return done(carry ? num + 1 : num);
  const frac = fractionText(modulo, thousand, decimals - 1);
  if (frac.startsWith("1")) num++;
  return `${num}.${frac.slice(2)}${prefixes[post] ?? ""}${unit}`;
}

const pad = (s: string, width: number): string => s.padStart(width);

/** display_lat: "    clat (usec): min=…, max=…, avg=…, stdev=…". */
function latLine(name: string, s: LatencySummary): string {
  let min = Math.round(s.minNs);
  let max = Math.round(s.maxNs);
  let mean = s.meanNs;
  let dev = s.stddevNs;
  let base = "(nsec)";
  const scale = (by: number, label: string): void => {
    [min, max, mean, dev, base] = [Math.floor(min / by), Math.floor(max / by), mean / by, dev / by, label];
  };
  if (min > 2_000_000 && max > 99_999_999 && dev > 1e6) scale(1e6, "(msec)");
  else if (min > 2000 && max > 99_999 && dev > 1000) scale(1e3, "(usec)");
  return `    ${name} ${base}: min=${num2str(min, 6, false, "")}, max=${num2str(max, 6, false, "")}, avg=${pad(mean.toFixed(2), 5)}, stdev=${pad(dev.toFixed(2), 5)}`;
}

/** show_clat_percentiles: "    clat percentiles (usec):" and the "|  1.00th=[  …]," rows. */
function percentileLines(pre: string, s: LatencySummary): string {
  let values = s.percentilesNs.map(Math.round);
  const minv = Math.min(...values);
  const maxv = Math.max(...values);
  let steps = 0;
  let unit = "nsec";
  if (minv > 2_000_000 && maxv > 99_999_999) [steps, unit] = [2, "msec"];
  else if (minv > 2000 && maxv > 99_999) [steps, unit] = [1, "usec"];
  for (let i = 0; i < steps; i++) values = values.map((v) => Math.floor((v + 999) / 1000));
  const top = Math.floor(maxv / 1000 ** steps);
  const width = Math.max(5, top > 0 ? String(top).length : 0);
  const perLine = Math.floor((80 - 7) / (PERCENTILE_PRECISION + 10 + width));
  let out = `    ${pre} percentiles (${unit}):\n     |`;
  s.percentilesNs.forEach((_, j) => {
    const last = j === values.length - 1;
    if (j !== 0 && j % perLine === 0) out += "     |";
    const p = FIO_PERCENTILES[j] ?? 0;
    out += ` ${pad(p.toFixed(PERCENTILE_PRECISION), PERCENTILE_PRECISION + 3)}th=[${pad(String(values[j] ?? 0), width)}]${last ? "" : ","}`;
    if (!last && j % perLine === perLine - 1) out += "\n";
  });
  return out;
}

/** show_ddir_status for read or write. */
function dirLines(e: FioReportEntry, d: "read" | "write", t: FioDirTotals): string[] {
  if (t.runtimeNs <= 0) return [];
  const i2p = e.job.kbBase === 1024;
  const rateUnit = e.job.unitBase === 1 ? "bit/s" : "B/s";
  const bw = Math.floor(bytesPerS(t.bytes, t.runtimeNs));
  const iops = Math.floor((t.ios * 1e9) / t.runtimeNs);
  const zone = d === "write" ? "; 0 zone resets" : "";
  const lines = [
    `  ${d}: IOPS=${num2str(iops, SIG_FIGS, false, "")}, BW=${num2str(bw, SIG_FIGS, i2p, rateUnit)} (${num2str(bw, SIG_FIGS, !i2p, rateUnit)})` +
      `(${num2str(t.bytes, SIG_FIGS, i2p, "B")}/${nsToWholeMs(t.runtimeNs)}msec)${zone}`,
  ];
  if (t.latency.count > 0) lines.push(latLine("clat", t.latency), latLine(" lat", t.latency), percentileLines("clat", t.latency));
  return lines;
}

function entryLines(e: FioReportEntry): string[] {
  if (e.read.bytes + e.write.bytes === 0 && e.read.ios + e.write.ios === 0) return [];
  const lines = [`${e.name}: (groupid=${e.groupId}, jobs=${e.members}): err= 0: pid=${e.pid}`];
  if (e.job.description !== "") lines.push(`  Description  : [${e.job.description}]`);
  lines.push(...dirLines(e, "read", e.read), ...dirLines(e, "write", e.write));
  if (e.sync.latency.count > 0) {
    lines.push("  fsync/fdatasync/sync_file_range:", latLine("sync", e.sync.latency), percentileLines("sync", e.sync.latency));
  }
  if (e.depthOne) {
    const did = e.read.ios + e.write.ios > 0 ? "100.0" : "0.0";
    lines.push(
      `  IO depths    : 1=${did}%, 2=0.0%, 4=0.0%, 8=0.0%, 16=0.0%, 32=0.0%, >=64=0.0%`,
      `     submit    : 0=0.0%, 4=${did}%, 8=0.0%, 16=0.0%, 32=0.0%, 64=0.0%, >=64=0.0%`,
      `     complete  : 0=0.0%, 4=${did}%, 8=0.0%, 16=0.0%, 32=0.0%, 64=0.0%, >=64=0.0%`,
    );
  }
  lines.push(
    `     issued rwts: total=${e.read.ios},${e.write.ios},0,${e.sync.ios} short=0,0,0,0 dropped=0,0,0,0`,
    `     latency   : target=0, window=0, percentile=100.00%, depth=${e.job.iodepth}`,
  );
  return lines;
}

/** show_group_stats: "Run status group 0 (all jobs):" and a READ/WRITE line each. */
function groupLines(entries: readonly FioReportEntry[]): string[] {
  const lines: string[] = [];
  for (const g of fioGroupStats(entries)) {
    const job = entries.filter((e) => e.groupId === g.groupId).at(-1)?.job;
    const i2p = job?.kbBase !== 1000;
    const rateUnit = job?.unitBase === 1 ? "bit/s" : "B/s";
    const rate = (x: number, p: boolean): string => num2str(Math.floor(x), SIG_FIGS, p, rateUnit);
    const row = (label: string, s: FioGroupDir): string =>
      `${label}: bw=${rate(s.aggBytesPerS, i2p)} (${rate(s.aggBytesPerS, !i2p)}), ` +
      `${rate(s.minBwBytesPerS, i2p)}-${rate(s.maxBwBytesPerS, i2p)} (${rate(s.minBwBytesPerS, !i2p)}-${rate(s.maxBwBytesPerS, !i2p)}), ` +
      `io=${num2str(s.ioBytes, SIG_FIGS, i2p, "B")} (${num2str(s.ioBytes, SIG_FIGS, !i2p, "B")}), run=${nsToWholeMs(s.minRunNs)}-${nsToWholeMs(s.maxRunNs)}msec`;
    lines.push("", `Run status group ${g.groupId} (all jobs):`);
    if (g.read !== undefined) lines.push(row("   READ", g.read));
    if (g.write !== undefined) lines.push(row("  WRITE", g.write));
  }
  return lines;
}

/** print_disk_util for the simulated device (flushes are not in fio's ios, as in /proc/diskstats). */
function diskLines(r: RunResult): string[] {
  const b = r.block;
  const util = r.runtimeNs > 0 ? Math.min(100, (b.busyNs * 100) / r.runtimeNs) : 0;
  const inQueue = nsToWholeMs(b.readTicksNs + b.writeTicksNs + b.flushTicksNs);
  return [
    "",
    "Disk stats (read/write):",
    `  ${r.device}: ios=${b.deviceReads}/${b.deviceWrites}, merge=0/0, ticks=${nsToWholeMs(b.readTicksNs)}/${nsToWholeMs(b.writeTicksNs)}, in_queue=${inQueue}, util=${util.toFixed(2)}%`,
  ];
}

/** What fio does not show: the workload, the model, and (btrfs) how each fsync was served. */
function fsyncsimLines(r: RunResult): string[] {
  const fsLabel = r.logger === NO_LOGGER ? r.fs : `${r.fs} (${r.logger})`;
  const lines = ["", `fsyncsim: ${r.source.name} (${r.source.file}) on ${r.device}, fs ${fsLabel}, seed ${r.seed}`];
  if (r.fsyncs > 0 && r.logger !== NO_LOGGER) {
    const p = r.fsyncPaths;
    const phases = (Object.keys(PHASE_LABELS) as Phase[]).map((k) => `${PHASE_LABELS[k]} ${humanDuration(r.fsyncBreakdownNs[k] / r.fsyncs)}`);
    lines.push(`  fsync paths: fast ${p.fast}, full ${p.full}, commit ${p.commit}, none ${p.none}`, `  fsync time (mean per fsync): ${phases.join(", ")}`);
  }
  const b = r.block;
  lines.push(
    `  device: ${b.deviceWrites} writes (${fixed(bytesToMiB(b.bytesWritten), 1)} MiB), ${b.deviceReads} reads (${fixed(bytesToMiB(b.bytesRead), 1)} MiB), ` +
      `${b.deviceFlushes} flushes, ${b.deviceFuaWrites} FUA writes` +
      (b.flushesCompletedAtOnce > 0 ? `, ${b.flushesCompletedAtOnce} flushes completed at once (no volatile cache)` : ""),
  );
  return lines;
}

export function runTable(r: RunResult): string {
  const entries = fioReportEntries(r);
  const lines = [...entries.flatMap(entryLines), ...groupLines(entries), ...diskLines(r), ...fsyncsimLines(r)];
  return `${lines.join("\n")}\n`;
}
