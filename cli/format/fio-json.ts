// fio's JSON output (--output-format=json, in fio 3.33's layout) for a simulated run, so that tools
// written for fio results can read fsyncsim's. Also the report entries that fio's normal output
// uses (run-table.ts): one per process, or one per reporting group with group_reporting (stat.c
// __show_run_stats), and each group's run status (struct group_run_stats).
//
// What is not fio's, and why (nothing here is invented; where fio samples we use whole-run figures):
// - no wall clock: "timestamp"/"timestamp_ms" are 0 and "time" is the epoch, so equal runs give equal
//   bytes; "eta" is 0 (fio 3.33 writes 2147483647 once the jobs are done).
// - bw_* and iops_*: fio averages per-interval samples (bwavgtime, 500 ms); we have no intervals, so
//   min = max = mean = the whole run's figure, stddev 0, samples 1 (0 for a direction without I/O).
// - slat is empty (N 0), as fio's is for the sync engines; for posixaio our clat is the whole I/O.
//   lat = clat, without percentiles (fio's lat_percentiles defaults to off).
// - usr_cpu, sys_cpu, ctx, majf, minf are 0: the model does not split the process's own CPU time.
// - latency_ns/latency_us/latency_ms are left out: they need a latency histogram, and a summary has
//   none; zeros would claim that no I/O fell in those buckets.
// - iodepth_level/_submit/_complete are given only where the depth is known (one I/O in flight:
//   every engine but posixaio with iodepth > 1); fio 3.33 counts syncs too and prints 199.9 %.
// - percentiles are exact order statistics (fio: histogram estimates). A reporting group's merged
//   percentiles are exact when the group holds every process of the run (the run's summaries);
//   otherwise they are the members' percentiles averaged, weighted by sample count: the true value
//   lies between the members' smallest and largest. Counts, min, max, mean and stddev are exact.
// - "global options" holds the options every job has with the same value (a FioJob keeps only its
//   merged options), and "job options" each job's full options.
import type { ProcessResult, RunResult } from "../../run/result.ts";
import { FIO_PERCENTILES, type LatencySummary } from "../../run/latency.ts";
import type { FioJob } from "../../workloads/fio/job-types.ts";

/** The fio release whose JSON layout this follows. */
export const FIO_JSON_LAYOUT = "fio-3.33";

/** One data direction of a report entry. */
export interface FioDirTotals {
  readonly ios: number;
  readonly bytes: number;
  /** fio's runtime[ddir]: the process's runtime if it did I/O this way, else 0; a group's longest. */
  readonly runtimeNs: number;
  readonly latency: LatencySummary;
}

/** One entry of fio's report (struct thread_stat after group_reporting). */
export interface FioReportEntry {
  /** The first member's job name. */
  readonly name: string;
  readonly groupId: number;
  readonly job: FioJob;
  /** Processes merged into this entry (fio's "jobs="). */
  readonly members: number;
  /** The first member's place in the run's processes, from 1 (shown as fio's pid). */
  readonly pid: number;
  readonly read: FioDirTotals;
  readonly write: FioDirTotals;
  readonly sync: { readonly ios: number; readonly latency: LatencySummary };
  /** Sum of the members' runtimes (fio's total_run_time: "job_runtime"), ns. */
  readonly jobRuntimeNs: number;
  /** Whether at most one I/O is in flight per process, so the depth distribution is known. */
  readonly depthOne: boolean;
}

/** A reporting group's run status for one direction (struct group_run_stats). */
export interface FioGroupDir {
  readonly ioBytes: number;
  readonly minRunNs: number;
  readonly maxRunNs: number;
  /** Slowest and fastest entry, bytes/s. */
  readonly minBwBytesPerS: number;
  readonly maxBwBytesPerS: number;
  /** The group's bytes over its longest runtime, bytes/s. */
  readonly aggBytesPerS: number;
}

export interface FioGroupStats {
  readonly groupId: number;
  /** Undefined where no entry of the group did I/O in that direction. */
  readonly read: FioGroupDir | undefined;
  readonly write: FioGroupDir | undefined;
}

export const bytesPerS = (bytes: number, ns: number): number => (ns > 0 ? (bytes * 1e9) / ns : 0);
export const nsToWholeMs = (ns: number): number => Math.round(ns / 1e6);

/**
 * Exact count, min, max, mean and sample stddev of several summaries together (the parallel form of
 * Welford's update, as fio's sum_stat); percentiles weighted by count (see the head comment).
 */
export function combineSummaries(parts: readonly LatencySummary[]): LatencySummary {
  const used = parts.filter((s) => s.count > 0);
  const first = used[0];
  if (first === undefined) return parts[0] ?? { count: 0, minNs: 0, meanNs: 0, stddevNs: 0, p50Ns: 0, p99Ns: 0, maxNs: 0, percentilesNs: FIO_PERCENTILES.map(() => 0) };
  if (used.length === 1) return first;
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const s of used) {
    const delta = s.meanNs - mean;
    const total = n + s.count;
    mean += (delta * s.count) / total;
    m2 += s.stddevNs ** 2 * (s.count - 1) + (delta ** 2 * n * s.count) / total;
    n = total;
  }
  const percentilesNs = FIO_PERCENTILES.map((_, i) => used.reduce((sum, s) => sum + (s.percentilesNs[i] ?? 0) * s.count, 0) / n);
  const at = (p: number): number => percentilesNs[FIO_PERCENTILES.indexOf(p as (typeof FIO_PERCENTILES)[number])] ?? 0;
  return {
    count: n,
    minNs: Math.min(...used.map((s) => s.minNs)),
    maxNs: Math.max(...used.map((s) => s.maxNs)),
    meanNs: mean,
    stddevNs: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0,
    p50Ns: at(50),
    p99Ns: at(99),
    percentilesNs,
  };
}

/**
 * fio's report entries: a process starts a new entry unless it has group_reporting and the process
 * before it is in the same group (stat.c: `!group_reporting || last groupid != groupid`).
 */
export function fioReportEntries(r: RunResult): FioReportEntry[] {
  const buckets: { readonly first: number; readonly processes: ProcessResult[] }[] = [];
  r.processes.forEach((p, i) => {
    const job = r.jobs[p.jobIndex] ?? r.job;
    const last = buckets.at(-1);
    const lastGroup = last?.processes.at(-1)?.groupId;
    if (last !== undefined && job.groupReporting && lastGroup === p.groupId) last.processes.push(p);
    else buckets.push({ first: i + 1, processes: [p] });
  });
  return buckets.map(({ first, processes }) => entryOf(r, first, processes));
}

function entryOf(r: RunResult, pid: number, ps: readonly ProcessResult[]): FioReportEntry {
  const head = ps[0] as ProcessResult;
  const job = r.jobs[head.jobIndex] ?? r.job;
  const whole = ps.length === r.processes.length && ps.length > 1;
  const dir = (d: "read" | "write", runLatency: LatencySummary): FioDirTotals => ({
    ios: ps.reduce((n, p) => n + p[d].ios, 0),
    bytes: ps.reduce((n, p) => n + p[d].bytes, 0),
    runtimeNs: Math.max(0, ...ps.map((p) => (p[d].bytes > 0 || p[d].ios > 0 ? p.runtimeNs : 0))),
    latency: whole ? runLatency : combineSummaries(ps.map((p) => p[d].latency)),
  });
  return {
    name: head.jobName,
    groupId: head.groupId,
    job,
    members: ps.length,
    pid,
    read: dir("read", r.readLatency),
    write: dir("write", r.writeLatency),
    sync: { ios: ps.reduce((n, p) => n + p.sync.ios, 0), latency: whole ? r.fsyncLatency : combineSummaries(ps.map((p) => p.sync.latency)) },
    jobRuntimeNs: ps.reduce((n, p) => n + p.runtimeNs, 0),
    depthOne: ps.every((p) => {
      const j = r.jobs[p.jobIndex] ?? r.job;
      return j.ioengine !== "posixaio" || j.iodepth <= 1;
    }),
  };
}

/** Each reporting group's run status, over its entries (stat.c __show_run_stats). */
export function fioGroupStats(entries: readonly FioReportEntry[]): FioGroupStats[] {
  const ids = [...new Set(entries.map((e) => e.groupId))].sort((a, b) => a - b);
  return ids.map((groupId) => {
    const members = entries.filter((e) => e.groupId === groupId);
    const dir = (d: "read" | "write"): FioGroupDir | undefined => {
      const ran = members.map((e) => e[d]).filter((t) => t.runtimeNs > 0);
      if (ran.length === 0) return undefined;
      const ioBytes = ran.reduce((n, t) => n + t.bytes, 0);
      const maxRunNs = Math.max(...ran.map((t) => t.runtimeNs));
      const bws = ran.map((t) => bytesPerS(t.bytes, t.runtimeNs));
      return { ioBytes, minRunNs: Math.min(...ran.map((t) => t.runtimeNs)), maxRunNs, minBwBytesPerS: Math.min(...bws), maxBwBytesPerS: Math.max(...bws), aggBytesPerS: bytesPerS(ioBytes, maxRunNs) };
    };
    return { groupId, read: dir("read"), write: dir("write") };
  });
}

/** A float as fio prints it in JSON (%f: six decimals). */
const f6 = (x: number): number => Number(x.toFixed(6));
const EPOCH_CTIME = "Thu Jan  1 00:00:00 1970";

function latencyJson(s: LatencySummary, percentiles: boolean): object {
  const base = { min: Math.round(s.minNs), max: Math.round(s.maxNs), mean: f6(s.meanNs), stddev: f6(s.stddevNs), N: s.count };
  if (!percentiles || s.count === 0) return base;
  const percentile = Object.fromEntries(FIO_PERCENTILES.map((p, i) => [p.toFixed(6), Math.round(s.percentilesNs[i] ?? 0)]));
  return { ...base, percentile };
}

const EMPTY_DIR: FioDirTotals = { ios: 0, bytes: 0, runtimeNs: 0, latency: combineSummaries([]) };

function dirJson(t: FioDirTotals, group: FioGroupDir | undefined): object {
  const bwBytes = Math.floor(bytesPerS(t.bytes, t.runtimeNs));
  const bwKiB = bytesPerS(t.bytes, t.runtimeNs) / 1024;
  const iops = t.runtimeNs > 0 ? (t.ios * 1e9) / t.runtimeNs : 0;
  const ran = t.runtimeNs > 0;
  // fio's convert_agg_kbytes_percent: this entry's share of the group's aggregate bandwidth.
  const agg = group?.aggBytesPerS ?? 0;
  const bwAgg = !ran ? 0 : agg > 1024 ? Math.min(100, (bwKiB * 100) / (agg / 1024)) : 100;
  const empty = latencyJson(combineSummaries([]), false);
  return {
    io_bytes: t.bytes,
    io_kbytes: Math.floor(t.bytes / 1024),
    bw_bytes: bwBytes,
    bw: Math.floor(bwBytes / 1024),
    iops: f6(iops),
    runtime: nsToWholeMs(t.runtimeNs),
    total_ios: t.ios,
    short_ios: 0,
    drop_ios: 0,
    slat_ns: empty,
    clat_ns: latencyJson(t.latency, true),
    lat_ns: latencyJson(t.latency, false),
    bw_min: ran ? Math.floor(bwKiB) : 0,
    bw_max: ran ? Math.floor(bwKiB) : 0,
    bw_agg: f6(bwAgg),
    bw_mean: f6(ran ? bwKiB : 0),
    bw_dev: 0,
    bw_samples: ran ? 1 : 0,
    iops_min: ran ? Math.floor(iops) : 0,
    iops_max: ran ? Math.floor(iops) : 0,
    iops_mean: f6(iops),
    iops_stddev: 0,
    iops_samples: ran ? 1 : 0,
  };
}

function depthJson(e: FioReportEntry): object {
  if (!e.depthOne) return {};
  const did = e.read.ios + e.write.ios > 0 ? 100 : 0;
  return {
    iodepth_level: { "1": did, "2": 0, "4": 0, "8": 0, "16": 0, "32": 0, ">=64": 0 },
    iodepth_submit: { "0": 0, "4": did, "8": 0, "16": 0, "32": 0, "64": 0, ">=64": 0 },
    iodepth_complete: { "0": 0, "4": did, "8": 0, "16": 0, "32": 0, "64": 0, ">=64": 0 },
  };
}

function jobJson(e: FioReportEntry, group: FioGroupStats | undefined, elapsedS: number): object {
  return {
    jobname: e.name,
    groupid: e.groupId,
    error: 0,
    eta: 0,
    elapsed: elapsedS,
    "job options": { ...e.job.options },
    read: dirJson(e.read, group?.read),
    write: dirJson(e.write, group?.write),
    trim: dirJson(EMPTY_DIR, undefined),
    sync: { total_ios: e.sync.ios, lat_ns: latencyJson(e.sync.latency, true) },
    job_runtime: nsToWholeMs(e.jobRuntimeNs),
    usr_cpu: 0,
    sys_cpu: 0,
    ctx: 0,
    majf: 0,
    minf: 0,
    ...depthJson(e),
    latency_depth: e.job.iodepth,
    latency_target: 0,
    latency_percentile: 100,
    latency_window: 0,
  };
}

/** Options that every job has, with the same value. */
function commonOptions(jobs: readonly FioJob[]): Record<string, string> {
  const [first, ...rest] = jobs;
  if (first === undefined) return {};
  return Object.fromEntries(Object.entries(first.options).filter(([k, v]) => rest.every((j) => j.options[k] === v)));
}

export function fioJsonDocument(r: RunResult, version: string): object {
  const entries = fioReportEntries(r);
  const groups = fioGroupStats(entries);
  const endNs = Math.max(0, ...r.processes.map((p) => p.startNs + p.runtimeNs));
  const elapsedS = Math.ceil(endNs / 1e9);
  const b = r.block;
  return {
    "fio version": `fsyncsim-${version} (${FIO_JSON_LAYOUT} compatible)`,
    timestamp: 0,
    timestamp_ms: 0,
    time: EPOCH_CTIME,
    "global options": commonOptions(r.jobs),
    jobs: entries.map((e) => jobJson(e, groups.find((g) => g.groupId === e.groupId), elapsedS)),
    disk_util: [
      {
        name: r.device,
        read_ios: b.deviceReads,
        write_ios: b.deviceWrites,
        read_merges: 0,
        write_merges: 0,
        read_ticks: nsToWholeMs(b.readTicksNs),
        write_ticks: nsToWholeMs(b.writeTicksNs),
        in_queue: nsToWholeMs(b.readTicksNs + b.writeTicksNs + b.flushTicksNs),
        util: f6(r.runtimeNs > 0 ? Math.min(100, (b.busyNs * 100) / r.runtimeNs) : 0),
      },
    ],
    fsyncsim: { source: r.source, fs: r.fs, logger: r.logger, device: r.device, seed: r.seed },
  };
}
