// --format fio-json: the layout of fio 3.33's --output-format=json, checked against real fio output
// (test/fixtures/fio-json, written by fio 3.33 on Linux; only "timestamp", "timestamp_ms" and "time"
// were set to the epoch), and the numbers checked against the RunResult they come from.
// Reference: fio 3.33 stat.c add_ddir_status_json (bw_bytes = 1000 * io_bytes / runtime_ms, bw =
// bw_bytes / 1024, iops = 1000 * total_ios / runtime_ms), sum_thread_stats (group_reporting).
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { combineSummaries, fioJsonDocument } from "../../../cli/format/fio-json.ts";
import { FIO_PERCENTILES, LatencyRecorder, mergedSummary, type LatencySummary } from "../../../run/latency.ts";
import type { ProcessResult, RunResult } from "../../../run/result.ts";
import { resolveJobs, type FioJob } from "../../../workloads/index.ts";

// --- a hand-built RunResult ------------------------------------------------------------------

/** A job as fsyncsim's parser reads the seed job's options, with `over` on top. */
function fioJob(over: Partial<FioJob> = {}): FioJob {
  const job = resolveJobs("[seed]\nrw=randwrite\nbs=4k\nsize=50m\nfsync=1\n", "seed.fio").jobs[0];
  if (job === undefined) throw new Error("the seed job did not parse");
  return { ...job, ...over };
}

/** Deterministic latencies around `meanNs` (a small LCG; no Math.random). */
function recorder(n: number, meanNs: number, seed: number): LatencyRecorder {
  const r = new LatencyRecorder();
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    r.record(Math.round(meanNs * (0.5 + x / 2 ** 31)));
  }
  return r;
}

interface ProcSpec {
  readonly job?: number;
  readonly clone?: number;
  readonly group?: number;
  readonly reads?: LatencyRecorder;
  readonly writes?: LatencyRecorder;
  readonly syncs?: LatencyRecorder;
  readonly runtimeNs: number;
}

function buildRun(jobs: readonly FioJob[], specs: readonly ProcSpec[]): RunResult {
  const none = new LatencyRecorder();
  const processes: ProcessResult[] = specs.map((s) => {
    const [rd, wr, sy] = [s.reads ?? none, s.writes ?? none, s.syncs ?? none];
    return {
      jobName: jobs[s.job ?? 0]?.name ?? "?", jobIndex: s.job ?? 0, clone: s.clone ?? 0, groupId: s.group ?? 0, startNs: 0, runtimeNs: s.runtimeNs,
      read: { ios: rd.count, bytes: rd.count * 4096, latency: rd.summary() },
      write: { ios: wr.count, bytes: wr.count * 4096, latency: wr.summary() },
      sync: { ios: sy.count, latency: sy.summary() },
    };
  });
  const all = (k: "reads" | "writes" | "syncs"): LatencyRecorder[] => specs.map((s) => s[k] ?? none);
  const sum = (f: (p: ProcessResult) => number): number => processes.reduce((n, p) => n + f(p), 0);
  const job = jobs[0] as FioJob;
  return {
    fs: "btrfs", logger: "modified-extents", device: "sata-hdd", source: { kind: "job", file: job.file, name: job.name },
    jobs, job, seed: 1, processes,
    writes: sum((p) => p.write.ios), reads: sum((p) => p.read.ios), fsyncs: sum((p) => p.sync.ios),
    bytesWritten: sum((p) => p.write.bytes), bytesRead: sum((p) => p.read.bytes),
    runtimeNs: Math.max(...processes.map((p) => p.runtimeNs)),
    writeLatency: mergedSummary(all("writes")), readLatency: mergedSummary(all("reads")), fsyncLatency: mergedSummary(all("syncs")),
    fsyncPaths: { fast: 12_000, full: 799, commit: 0, none: 0 },
    fsyncBreakdownNs: { cpu: 1e9, dataIo: 2e9, logIo: 3e9, flush: 4e9, commit: 0, contention: 0 },
    block: {
      bios: 40_000, deviceReads: 0, deviceWrites: 38_400, deviceFlushes: 12_799, deviceFuaWrites: 0, bytesRead: 0, bytesWritten: 200 * 2 ** 20,
      flushesCompletedAtOnce: 0, flagsStripped: 0, driverCpuNs: 0, readTicksNs: 0, writeTicksNs: 123_456_400_000, flushTicksNs: 200_000_000_000,
      busyNs: 362_000_000_000,
    },
    deviceParams: {}, modelParams: {}, trace: undefined, modelStats: {}, warnings: [],
  };
}

/** The seed job, small: 12,800 4 KiB writes with an fsync after each but the last, in 365.623 s. */
const seedRun = (): RunResult => buildRun([fioJob()], [{ writes: recorder(12_800, 3_000, 7), syncs: recorder(12_799, 28_000_000, 11), runtimeNs: 365_623_000_000 }]);

/** rw=randrw numjobs=2 group_reporting, as the randrw-group fixture. */
const randrwJob = fioJob({ name: "randrw", rw: "randrw", numjobs: 2, groupReporting: true, options: { rw: "randrw", numjobs: "2", group_reporting: "1" } });
const randrwRun = (): RunResult =>
  buildRun([randrwJob], [
    { clone: 0, reads: recorder(491, 75_000, 1), writes: recorder(533, 14_000, 2), syncs: recorder(1021, 100_000, 3), runtimeNs: 149_000_000 },
    { clone: 1, reads: recorder(491, 90_000, 4), writes: recorder(533, 9_000, 5), syncs: recorder(1021, 120_000, 6), runtimeNs: 140_000_000 },
  ]);

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`test/fixtures/fio-json/${name}`, "utf8"));
const doc = (r: RunResult): Record<string, any> => JSON.parse(JSON.stringify(fioJsonDocument(r, "0.1.0")));

// --- key paths -------------------------------------------------------------------------------

const jsonType = (v: unknown): string => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);

/** Every key path and its JSON type; arrays by their first element; job-specific option maps as leaves. */
function keyPaths(value: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (prefix !== "") out.set(prefix, jsonType(value));
  if (prefix.endsWith("job options") || prefix.endsWith("global options")) return out;
  if (Array.isArray(value)) keyPaths(value[0], `${prefix}[0]`, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) keyPaths(v, prefix === "" ? k : `${prefix}.${k}`, out);
  }
  return out;
}

/** fio key paths we leave out on purpose. */
const BUCKETS = ["2", "4", "10", "20", "50", "100", "250", "500", "750", "1000"];
const OMITTED = [
  // The latency histogram's bucket shares: a LatencySummary has no histogram, and zeros would be false.
  "jobs[0].latency_ns", ...BUCKETS.map((b) => `jobs[0].latency_ns.${b}`),
  "jobs[0].latency_us", ...BUCKETS.map((b) => `jobs[0].latency_us.${b}`),
  "jobs[0].latency_ms", ...[...BUCKETS, "2000", ">=2000"].map((b) => `jobs[0].latency_ms.${b}`),
].sort();

describe("fioJsonDocument: fio 3.33's layout", () => {
  for (const [fixtureName, build] of [["seed-fio-3.33.json", seedRun], ["randrw-group-fio-3.33.json", randrwRun]] as const) {
    it(`has every key path of ${fixtureName} with the same JSON type, but the listed omissions`, () => {
      const theirs = keyPaths(fixture(fixtureName));
      const ours = keyPaths(doc(build()));
      const missing = [...theirs.keys()].filter((k) => !ours.has(k)).sort();
      expect(missing).toEqual(OMITTED);
      for (const [path, type] of theirs) if (ours.has(path)) expect(`${path}: ${ours.get(path)}`).toBe(`${path}: ${type}`);
    });
  }

  it("keys percentiles exactly as fio does", () => {
    const fio = fixture("seed-fio-3.33.json") as { jobs: { write: { clat_ns: { percentile: object } } }[] };
    const ours = doc(seedRun());
    expect(Object.keys(ours.jobs[0].write.clat_ns.percentile)).toEqual(Object.keys(fio.jobs[0]!.write.clat_ns.percentile));
    expect(Object.keys(ours.jobs[0].sync.lat_ns.percentile)).toEqual(FIO_PERCENTILES.map((p) => p.toFixed(6)));
    expect(ours.jobs[0].read.clat_ns.percentile).toBeUndefined(); // no reads: fio writes no percentiles either
  });

  it("says it is fsyncsim's, in fio's layout, with no wall clock", () => {
    const d = doc(seedRun());
    expect(d["fio version"]).toBe("fsyncsim-0.1.0 (fio-3.33 compatible)");
    expect([d.timestamp, d.timestamp_ms, d.time]).toEqual([0, 0, "Thu Jan  1 00:00:00 1970"]);
    expect(d.fsyncsim).toEqual({ source: { kind: "job", file: "seed.fio", name: "seed" }, fs: "btrfs", logger: "modified-extents", device: "sata-hdd", seed: 1 });
  });
});

describe("fioJsonDocument: numbers", () => {
  it("gives bandwidth in KiB/s over the runtime, IOPS, and the latency statistics", () => {
    const r = seedRun();
    const w = doc(r).jobs[0].write;
    const runtimeS = 365.623;
    expect(w).toMatchObject({ io_bytes: 52_428_800, io_kbytes: 51_200, total_ios: 12_800, runtime: 365_623, short_ios: 0, drop_ios: 0 });
    expect(w.bw_bytes).toBe(Math.floor(52_428_800 / runtimeS));
    expect(w.bw).toBe(Math.floor(Math.floor(52_428_800 / runtimeS) / 1024)); // 140 KiB/s
    expect(w.bw).toBe(140);
    expect(w.iops).toBeCloseTo(12_800 / runtimeS, 6);
    const s = r.writeLatency;
    expect(w.clat_ns).toMatchObject({ min: s.minNs, max: s.maxNs, N: 12_800 });
    expect(w.clat_ns.mean).toBeCloseTo(s.meanNs, 5);
    expect(w.clat_ns.stddev).toBeCloseTo(s.stddevNs, 5);
    expect(Object.values(w.clat_ns.percentile)).toEqual(s.percentilesNs);
    expect(w.clat_ns.percentile["99.000000"]).toBe(s.p99Ns);
    expect(w.slat_ns).toEqual({ min: 0, max: 0, mean: 0, stddev: 0, N: 0 });
    expect(w.lat_ns).toEqual({ min: s.minNs, max: s.maxNs, mean: w.clat_ns.mean, stddev: w.clat_ns.stddev, N: 12_800 });
    // Whole-run figures where fio samples per interval.
    expect(w).toMatchObject({ bw_min: 140, bw_max: 140, bw_agg: 100, bw_dev: 0, bw_samples: 1, iops_min: 35, iops_max: 35, iops_samples: 1 });
  });

  it("reports syncs, depth, and the device as fio's disk_util", () => {
    const d = doc(seedRun());
    const j = d.jobs[0];
    expect(j.sync.total_ios).toBe(12_799);
    expect(j.sync.lat_ns.N).toBe(12_799);
    expect(j).toMatchObject({ jobname: "seed", groupid: 0, error: 0, eta: 0, elapsed: 366, job_runtime: 365_623, usr_cpu: 0, sys_cpu: 0 });
    expect(j.iodepth_level).toEqual({ "1": 100, "2": 0, "4": 0, "8": 0, "16": 0, "32": 0, ">=64": 0 });
    expect(j["job options"]).toEqual({ rw: "randwrite", bs: "4k", size: "50m", fsync: "1" });
    expect(d["global options"]).toEqual(j["job options"]);
    expect(d.disk_util).toEqual([
      { name: "sata-hdd", read_ios: 0, write_ios: 38_400, read_merges: 0, write_merges: 0, read_ticks: 0, write_ticks: 123_456, in_queue: 323_456, util: 99.009089 },
    ]);
  });

  it("matches fio's own figures when given the figures of a real fio run", () => {
    // The seed fixture: 1024 writes in 210 ms (fio's integer runtime), 1023 syncs.
    const fio = fixture("seed-fio-3.33.json") as { jobs: Record<string, any>[] };
    const fw = fio.jobs[0]!.write;
    const r = buildRun([fioJob()], [{ writes: recorder(fw.total_ios, 4_000, 1), syncs: recorder(1023, 200_000, 2), runtimeNs: fw.runtime * 1e6 }]);
    const w = doc(r).jobs[0].write;
    for (const key of ["io_bytes", "io_kbytes", "bw_bytes", "bw", "iops", "runtime", "total_ios"]) expect(`${key}=${w[key]}`).toBe(`${key}=${fw[key]}`);
  });
});

describe("fioJsonDocument: group_reporting", () => {
  it("merges a group's clones into one entry, exactly when the group is the whole run", () => {
    const r = randrwRun();
    const d = doc(r);
    expect(d.jobs).toHaveLength(1);
    const j = d.jobs[0];
    expect(j).toMatchObject({ jobname: "randrw", groupid: 0, job_runtime: 289 });
    expect(j.read).toMatchObject({ total_ios: 982, io_bytes: 982 * 4096, runtime: 149 }); // fio: the longest clone's runtime
    expect(j.write.total_ios).toBe(1066);
    expect(j.sync.total_ios).toBe(2042);
    for (const [ours, exact] of [[j.read.clat_ns, r.readLatency], [j.write.clat_ns, r.writeLatency], [j.sync.lat_ns, r.fsyncLatency]] as const) {
      expect(ours).toMatchObject({ min: exact.minNs, max: exact.maxNs, N: exact.count });
      expect(ours.mean).toBeCloseTo(exact.meanNs, 5);
      expect(ours.stddev).toBeCloseTo(exact.stddevNs, 5);
      expect(Object.values(ours.percentile)).toEqual(exact.percentilesNs);
    }
  });

  it("keeps clones apart without group_reporting", () => {
    const r = buildRun([{ ...randrwJob, groupReporting: false }], [
      { clone: 0, writes: recorder(10, 1000, 1), runtimeNs: 1e9 },
      { clone: 1, writes: recorder(20, 1000, 2), runtimeNs: 2e9 },
    ]);
    const d = doc(r);
    expect(d.jobs.map((j: any) => j.write.total_ios)).toEqual([10, 20]);
    // Each does 40 KiB/s; the group 30 I/Os in its longest runtime, 2 s: 60 KiB/s.
    expect(d.jobs.map((j: any) => j.write.bw_agg)).toEqual([66.666667, 66.666667]);
  });

  it("merges each stonewalled group on its own: exact counts and moments, percentiles between the clones'", () => {
    const a = fioJob({ name: "a", numjobs: 2, groupReporting: true });
    const b = fioJob({ name: "b", index: 1, numjobs: 2, groupReporting: true, stonewall: true });
    const recs = [recorder(300, 5_000, 1), recorder(200, 50_000, 2), recorder(100, 1_000, 3), recorder(100, 2_000, 4)];
    const r = buildRun([a, b], recs.map((writes, i) => ({ job: i < 2 ? 0 : 1, clone: i % 2, group: i < 2 ? 0 : 1, writes, runtimeNs: 1e9 })));
    const d = doc(r);
    expect(d.jobs.map((j: any) => [j.jobname, j.groupid, j.write.total_ios])).toEqual([["a", 0, 500], ["b", 1, 200]]);
    const exact = mergedSummary(recs.slice(0, 2));
    const w = d.jobs[0].write.clat_ns;
    expect(w).toMatchObject({ min: exact.minNs, max: exact.maxNs, N: 500 });
    expect(w.mean).toBeCloseTo(exact.meanNs, 5);
    expect(w.stddev).toBeCloseTo(exact.stddevNs, 5);
    const parts = recs.slice(0, 2).map((x) => x.summary());
    Object.values(w.percentile as Record<string, number>).forEach((v, i) => {
      const each = parts.map((p) => p.percentilesNs[i] ?? 0);
      expect(v).toBeGreaterThanOrEqual(Math.min(...each));
      expect(v).toBeLessThanOrEqual(Math.max(...each));
    });
  });

  it("combines summaries with the parallel-variance formula", () => {
    const parts = [recorder(50, 1000, 1), recorder(70, 9000, 2), recorder(1, 500, 3)];
    const combined: LatencySummary = combineSummaries(parts.map((p) => p.summary()));
    const exact = mergedSummary(parts);
    expect(combined.count).toBe(exact.count);
    expect(combined.meanNs).toBeCloseTo(exact.meanNs, 6);
    expect(combined.stddevNs).toBeCloseTo(exact.stddevNs, 6);
    expect([combined.minNs, combined.maxNs]).toEqual([exact.minNs, exact.maxNs]);
  });
});

describe("fioJsonDocument: determinism", () => {
  it("gives byte-identical JSON for the same run, whatever the wall clock says", () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2001-01-01T00:00:00Z"));
      const before = JSON.stringify(fioJsonDocument(randrwRun(), "0.1.0"));
      vi.setSystemTime(new Date("2031-06-15T12:34:56Z"));
      expect(JSON.stringify(fioJsonDocument(randrwRun(), "0.1.0"))).toBe(before);
    } finally {
      vi.useRealTimers();
    }
  });
});
