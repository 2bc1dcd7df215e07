// The terminal table: fio's normal output for a simulated run, then fsyncsim's own lines. Two kinds
// of check: a hand-built run gives the lines fio users read and grep, with the right numbers; and a
// run carrying the figures of a real fio 3.33 run (test/fixtures/fio-json) gives fio's own lines for
// that run byte for byte (fio's text below was printed by the same runs, --output-format=json,normal;
// only the wall-clock time after pid= was replaced by the epoch).
// Reference: fio 3.33 stat.c show_thread_status_normal, show_ddir_status, display_lat,
// show_clat_percentiles, show_group_stats, print_disk_util; lib/num2str.c.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { num2str, runTable } from "../../../cli/format/run-table.ts";
import { FIO_PERCENTILES, LatencyRecorder, mergedSummary, type LatencySummary } from "../../../run/latency.ts";
import type { ProcessResult, RunResult } from "../../../run/result.ts";
import { resolveJobs, type FioJob } from "../../../workloads/index.ts";

const FIO_SEED_NORMAL = `
seed: (groupid=0, jobs=1): err= 0: pid=28223: Thu Jan  1 00:00:00 1970
  write: IOPS=4876, BW=19.0MiB/s (20.0MB/s)(4096KiB/210msec); 0 zone resets
    clat (nsec): min=2624, max=92839, avg=4256.73, stdev=3499.19
     lat (nsec): min=2644, max=92919, avg=4317.35, stdev=3508.42
    clat percentiles (nsec):
     |  1.00th=[ 2736],  5.00th=[ 2864], 10.00th=[ 3376], 20.00th=[ 3568],
     | 30.00th=[ 3760], 40.00th=[ 3856], 50.00th=[ 3952], 60.00th=[ 4048],
     | 70.00th=[ 4128], 80.00th=[ 4320], 90.00th=[ 4832], 95.00th=[ 5408],
     | 99.00th=[ 9408], 99.50th=[21632], 99.90th=[49920], 99.95th=[92672],
     | 99.99th=[92672]
  lat (usec)   : 4=56.35%, 10=42.68%, 20=0.39%, 50=0.49%, 100=0.10%
  fsync/fdatasync/sync_file_range:
    sync (usec): min=129, max=4047, avg=199.49, stdev=205.69
    sync percentiles (usec):
     |  1.00th=[  141],  5.00th=[  147], 10.00th=[  155], 20.00th=[  159],
     | 30.00th=[  163], 40.00th=[  176], 50.00th=[  186], 60.00th=[  192],
     | 70.00th=[  198], 80.00th=[  202], 90.00th=[  212], 95.00th=[  221],
     | 99.00th=[  392], 99.50th=[ 1696], 99.90th=[ 3064], 99.95th=[ 4047],
     | 99.99th=[ 4047]
  cpu          : usr=1.91%, sys=33.49%, ctx=4088, majf=0, minf=13
  IO depths    : 1=199.9%, 2=0.0%, 4=0.0%, 8=0.0%, 16=0.0%, 32=0.0%, >=64=0.0%
     submit    : 0=0.0%, 4=100.0%, 8=0.0%, 16=0.0%, 32=0.0%, 64=0.0%, >=64=0.0%
     complete  : 0=0.0%, 4=100.0%, 8=0.0%, 16=0.0%, 32=0.0%, 64=0.0%, >=64=0.0%
     issued rwts: total=0,1024,0,1023 short=0,0,0,0 dropped=0,0,0,0
     latency   : target=0, window=0, percentile=100.00%, depth=1

Run status group 0 (all jobs):
  WRITE: bw=19.0MiB/s (20.0MB/s), 19.0MiB/s-19.0MiB/s (20.0MB/s-20.0MB/s), io=4096KiB (4194kB), run=210-210msec

Disk stats (read/write):
  vda: ios=0/2829, merge=0/0, ticks=0/101, in_queue=123, util=35.20%
`;

const FIO_RANDRW_GROUP_NORMAL = `
randrw: (groupid=0, jobs=2): err= 0: pid=28245: Thu Jan  1 00:00:00 1970
  read: IOPS=6590, BW=25.7MiB/s (27.0MB/s)(3928KiB/149msec)
    clat (usec): min=21, max=1380, avg=75.11, stdev=55.61
     lat (usec): min=21, max=1380, avg=75.14, stdev=55.62
    clat percentiles (usec):
     |  1.00th=[   33],  5.00th=[   41], 10.00th=[   42], 20.00th=[   46],
     | 30.00th=[   51], 40.00th=[   59], 50.00th=[   75], 60.00th=[   85],
     | 70.00th=[   92], 80.00th=[   98], 90.00th=[  101], 95.00th=[  105],
     | 99.00th=[  153], 99.50th=[  247], 99.90th=[ 1385], 99.95th=[ 1385],
     | 99.99th=[ 1385]
  write: IOPS=7154, BW=27.9MiB/s (29.3MB/s)(4264KiB/149msec); 0 zone resets
    clat (usec): min=2, max=1026, avg=13.97, stdev=33.75
     lat (usec): min=2, max=1026, avg=14.03, stdev=33.75
    clat percentiles (usec):
     |  1.00th=[    3],  5.00th=[    3], 10.00th=[    3], 20.00th=[    4],
     | 30.00th=[    4], 40.00th=[    4], 50.00th=[    5], 60.00th=[   15],
     | 70.00th=[   15], 80.00th=[   20], 90.00th=[   38], 95.00th=[   40],
     | 99.00th=[   54], 99.50th=[   64], 99.90th=[   88], 99.95th=[ 1029],
     | 99.99th=[ 1029]
  lat (usec)   : 4=21.39%, 10=6.93%, 20=14.16%, 50=22.95%, 100=28.52%
  lat (usec)   : 250=5.81%, 500=0.10%, 750=0.05%
  lat (msec)   : 2=0.10%
  fsync/fdatasync/sync_file_range:
    sync (usec): min=29, max=4515, avg=100.67, stdev=146.03
    sync percentiles (usec):
     |  1.00th=[   41],  5.00th=[   51], 10.00th=[   54], 20.00th=[   58],
     | 30.00th=[   67], 40.00th=[   73], 50.00th=[   89], 60.00th=[  100],
     | 70.00th=[  115], 80.00th=[  137], 90.00th=[  151], 95.00th=[  161],
     | 99.00th=[  204], 99.50th=[  231], 99.90th=[ 1450], 99.95th=[ 4293],
     | 99.99th=[ 4490]
  cpu          : usr=0.68%, sys=21.36%, ctx=4542, majf=0, minf=27
  IO depths    : 1=199.7%, 2=0.0%, 4=0.0%, 8=0.0%, 16=0.0%, 32=0.0%, >=64=0.0%
     submit    : 0=0.0%, 4=100.0%, 8=0.0%, 16=0.0%, 32=0.0%, 64=0.0%, >=64=0.0%
     complete  : 0=0.0%, 4=100.0%, 8=0.0%, 16=0.0%, 32=0.0%, 64=0.0%, >=64=0.0%
     issued rwts: total=982,1066,0,2042 short=0,0,0,0 dropped=0,0,0,0
     latency   : target=0, window=0, percentile=100.00%, depth=1

Run status group 0 (all jobs):
   READ: bw=25.7MiB/s (27.0MB/s), 25.7MiB/s-25.7MiB/s (27.0MB/s-27.0MB/s), io=3928KiB (4022kB), run=149-149msec
  WRITE: bw=27.9MiB/s (29.3MB/s), 27.9MiB/s-27.9MiB/s (29.3MB/s-29.3MB/s), io=4264KiB (4366kB), run=149-149msec

Disk stats (read/write):
  vda: ios=848/2813, merge=0/0, ticks=40/115, in_queue=215, util=49.36%
`;

// --- a hand-built RunResult ------------------------------------------------------------------

/** A job as fsyncsim's parser reads the seed job's options, with `over` on top. */
function fioJob(over: Partial<FioJob> = {}): FioJob {
  const job = resolveJobs("[seed]\nrw=randwrite\nbs=4k\nsize=50m\nfsync=1\n", "workloads/jobs/seed.fio").jobs[0];
  if (job === undefined) throw new Error("the seed job did not parse");
  return { ...job, ...over };
}

const NONE: LatencySummary = new LatencyRecorder().summary();

/** A summary with the given statistics (as fio's JSON states them). */
function summary(s: { min: number; max: number; mean: number; stddev: number; N: number; percentile?: Record<string, number> }): LatencySummary {
  const percentilesNs = FIO_PERCENTILES.map((p) => s.percentile?.[p.toFixed(6)] ?? 0);
  return { count: s.N, minNs: s.min, maxNs: s.max, meanNs: s.mean, stddevNs: s.stddev, p50Ns: percentilesNs[6] ?? 0, p99Ns: percentilesNs[12] ?? 0, percentilesNs };
}

interface Dir { readonly ios: number; readonly latency: LatencySummary }

function buildRun(job: FioJob, procs: readonly { read?: Dir; write?: Dir; sync?: Dir; runtimeNs: number }[], run: Partial<RunResult> = {}): RunResult {
  const processes: ProcessResult[] = procs.map((p, clone) => ({
    jobName: job.name, jobIndex: 0, clone, groupId: 0, startNs: 0, runtimeNs: p.runtimeNs,
    read: { ios: p.read?.ios ?? 0, bytes: (p.read?.ios ?? 0) * 4096, latency: p.read?.latency ?? NONE },
    write: { ios: p.write?.ios ?? 0, bytes: (p.write?.ios ?? 0) * 4096, latency: p.write?.latency ?? NONE },
    sync: { ios: p.sync?.ios ?? 0, latency: p.sync?.latency ?? NONE },
  }));
  const sum = (f: (p: ProcessResult) => number): number => processes.reduce((n, p) => n + f(p), 0);
  return {
    fs: "btrfs", logger: "modified-extents", device: "sata-hdd", source: { kind: "job", file: job.file, name: job.name },
    jobs: [job], job, seed: 1, processes,
    writes: sum((p) => p.write.ios), reads: sum((p) => p.read.ios), fsyncs: sum((p) => p.sync.ios),
    bytesWritten: sum((p) => p.write.bytes), bytesRead: sum((p) => p.read.bytes),
    runtimeNs: Math.max(...processes.map((p) => p.runtimeNs)),
    writeLatency: processes[0]?.write.latency ?? NONE, readLatency: processes[0]?.read.latency ?? NONE, fsyncLatency: processes[0]?.sync.latency ?? NONE,
    fsyncPaths: { fast: 12_790, full: 9, commit: 0, none: 0 },
    fsyncBreakdownNs: { cpu: 12_799 * 150_000, dataIo: 12_799 * 8_000_000, logIo: 12_799 * 9_000_000, flush: 12_799 * 10_500_000, commit: 0, contention: 0 },
    block: {
      bios: 40_000, deviceReads: 0, deviceWrites: 38_400, deviceFlushes: 12_799, deviceFuaWrites: 0, bytesRead: 0, bytesWritten: 200 * 2 ** 20,
      flushesCompletedAtOnce: 0, flagsStripped: 0, driverCpuNs: 0, readTicksNs: 0, writeTicksNs: 123_456_400_000, flushTicksNs: 200_000_000_000,
      busyNs: 362_331_000_000,
    },
    deviceParams: {}, modelParams: {}, trace: undefined, modelStats: {}, warnings: [],
    ...run,
  };
}

/** The seed job's shape: 12,800 writes of 4 KiB and 12,799 fsyncs in 365.623 s. */
function seedRun(): RunResult {
  const writes = new LatencyRecorder();
  const syncs = new LatencyRecorder();
  for (let i = 0; i < 12_800; i++) writes.record(3_000 + (i % 100) * 20);
  for (let i = 0; i < 12_799; i++) syncs.record(20_000_000 + (i % 1000) * 100_000);
  const run = buildRun(fioJob(), [{ write: { ios: 12_800, latency: writes.summary() }, sync: { ios: 12_799, latency: syncs.summary() }, runtimeNs: 365_623_000_000 }]);
  return { ...run, writeLatency: mergedSummary([writes]), fsyncLatency: mergedSummary([syncs]) };
}

/** A RunResult carrying the figures of a fio JSON fixture (runtimes are fio's whole milliseconds). */
function runFromFio(file: string, job: FioJob): RunResult {
  const d = JSON.parse(readFileSync(`test/fixtures/fio-json/${file}`, "utf8"));
  const j = d.jobs[0];
  const disk = d.disk_util[0];
  const dir = (x: any): Dir => ({ ios: x.total_ios, latency: summary(x.clat_ns) });
  const runtimeNs = Math.max(j.read.runtime, j.write.runtime) * 1e6;
  const all = { read: dir(j.read), write: dir(j.write), sync: { ios: j.sync.total_ios, latency: summary(j.sync.lat_ns) } };
  // One process per member; the entry's statistics come from the run's when the group is the whole run.
  const split = (x: Dir, i: number, n: number): Dir => ({ ios: Math.floor(x.ios / n) + (i === 0 ? x.ios % n : 0), latency: x.latency });
  const procs = Array.from({ length: job.numjobs }, (_, i) => ({
    read: split(all.read, i, job.numjobs), write: split(all.write, i, job.numjobs), sync: split(all.sync, i, job.numjobs), runtimeNs,
  }));
  return buildRun(job, procs, {
    device: disk.name,
    readLatency: all.read.latency, writeLatency: all.write.latency, fsyncLatency: all.sync.latency, runtimeNs: 1e9,
    block: {
      ...buildRun(job, []).block, deviceReads: disk.read_ios, deviceWrites: disk.write_ios,
      readTicksNs: disk.read_ticks * 1e6, writeTicksNs: disk.write_ticks * 1e6, flushTicksNs: (disk.in_queue - disk.read_ticks - disk.write_ticks) * 1e6,
      busyNs: disk.util * 1e7,
    },
  });
}

// --- real fio output --------------------------------------------------------------------------

/** fio lines we do not print or print differently, and why. */
function expectedDifference(line: string): string | undefined {
  if (/^\S+: \(groupid=/.test(line)) return "pid is the process's place in the run, and there is no wall-clock time";
  if (/^ +lat \((nsec|usec|msec)\): /.test(line)) return "lat = clat: fio's lat adds its own submission overhead, which is not modelled";
  if (/^ {2}lat \((nsec|usec|msec)\) +: /.test(line)) return "latency histogram shares: a summary has no histogram";
  if (line.startsWith("  cpu          : ")) return "the process's own CPU split is not modelled";
  if (line.startsWith("  IO depths    : ")) return "fio 3.33 counts syncs into the depth map (199.9 %); we print 100.0 %";
  return undefined;
}

function compareWithFio(fioText: string, ours: string): void {
  const ourLines = ours.split("\n");
  let from = 0;
  for (const line of fioText.split("\n").filter((l) => l !== "")) {
    const why = expectedDifference(line);
    if (why !== undefined) continue;
    const at = ourLines.indexOf(line, from);
    expect(at, `fio's line is missing or out of order:\n${line}\n--- ours:\n${ours}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

describe("runTable: fio's lines for a real fio run", () => {
  it("prints what fio 3.33 printed for the seed job (randwrite, fsync=1)", () => {
    const ours = runTable(runFromFio("seed-fio-3.33.json", fioJob({ file: "cmdline" })));
    compareWithFio(FIO_SEED_NORMAL, ours);
    expect(ours).toContain("  IO depths    : 1=100.0%, 2=0.0%, 4=0.0%, 8=0.0%, 16=0.0%, 32=0.0%, >=64=0.0%\n");
    expect(ours).toContain("seed: (groupid=0, jobs=1): err= 0: pid=1\n");
  });

  it("prints what fio 3.33 printed for randrw, numjobs=2, group_reporting", () => {
    const job = fioJob({ name: "randrw", rw: "randrw", numjobs: 2, groupReporting: true });
    compareWithFio(FIO_RANDRW_GROUP_NORMAL, runTable(runFromFio("randrw-group-fio-3.33.json", job)));
  });
});

describe("runTable: a simulated seed run", () => {
  const lines = runTable(seedRun()).split("\n");
  const has = (line: string): void => expect(lines, line).toContain(line);

  it("heads the job with fio's status line and gives IOPS and bandwidth as fio does", () => {
    has("seed: (groupid=0, jobs=1): err= 0: pid=1");
    // 52,428,800 bytes in 365.623 s: 143,395 B/s = 140 KiB/s = 143 kB/s; 12,800 / 365.623 s = 35 IOPS.
    has("  write: IOPS=35, BW=140KiB/s (143kB/s)(50.0MiB/365623msec); 0 zone resets");
  });

  it("gives clat and sync statistics in fio's units, with fio's percentile rows", () => {
    has("    clat (nsec): min=3000, max=4980, avg=3990.00, stdev=577.34");
    has("    clat percentiles (nsec):");
    has("     |  1.00th=[ 3000],  5.00th=[ 3080], 10.00th=[ 3180], 20.00th=[ 3380],");
    has("     | 99.99th=[ 4980]");
    has("  fsync/fdatasync/sync_file_range:");
    has("    sync (msec): min=20, max=119, avg=69.32, stdev=28.64"); // msec: min > 2 ms, max > 100 ms
    has("    sync percentiles (msec):");
    has("     |  1.00th=[   21],  5.00th=[   25], 10.00th=[   30], 20.00th=[   40],"); // rounded up, as fio does
    has("     | 99.99th=[  120]");
    has("     issued rwts: total=0,12800,0,12799 short=0,0,0,0 dropped=0,0,0,0");
  });

  it("gives the run status group and the device as fio's disk stats", () => {
    has("Run status group 0 (all jobs):");
    has("  WRITE: bw=140KiB/s (143kB/s), 140KiB/s-140KiB/s (143kB/s-143kB/s), io=50.0MiB (52.4MB), run=365623-365623msec");
    has("Disk stats (read/write):");
    has("  sata-hdd: ios=0/38400, merge=0/0, ticks=0/123456, in_queue=323456, util=99.10%");
  });

  it("ends with fsyncsim's own lines: the workload, the fsync paths and where fsync time went", () => {
    has("fsyncsim: seed (workloads/jobs/seed.fio) on sata-hdd, fs btrfs (modified-extents), seed 1");
    has("  fsync paths: fast 12790, full 9, commit 0, none 0");
    has("  fsync time (mean per fsync): cpu 150.0 µs, data I/O 8.00 ms, log I/O 9.00 ms, flush 10.50 ms, commit wait 0 ns, contention 0 ns");
    expect(lines.indexOf("Disk stats (read/write):")).toBeLessThan(lines.findIndex((l) => l.startsWith("fsyncsim: ")));
  });

  it("follows kb_base=1000 and unit_base=1 as fio does, and shows the description", () => {
    const table = (over: Partial<FioJob>): string => {
      const job = fioJob(over);
      return runTable({ ...seedRun(), jobs: [job], job });
    };
    const si = table({ kbBase: 1000, description: "the seed job" });
    expect(si).toContain("\n  Description  : [the seed job]\n");
    expect(si).toContain("\n  write: IOPS=35, BW=143kB/s (140KiB/s)(52.4MB/365623msec); 0 zone resets\n");
    expect(si).toContain("\n  WRITE: bw=143kB/s (140KiB/s), 143kB/s-143kB/s (140KiB/s-140KiB/s), io=52.4MB (50.0MiB), run=365623-365623msec\n");
    // 143,395 B/s = 1,147,160 bit/s = 1120 Kibit/s = 1147 kbit/s.
    expect(table({ unitBase: 1 })).toContain("\n  write: IOPS=35, BW=1120Kibit/s (1147kbit/s)(50.0MiB/365623msec); 0 zone resets\n");
  });

  it("leaves out the fsync lines for the raw device, and is deterministic", () => {
    const raw = runTable({ ...seedRun(), fs: "raw", logger: "none" });
    expect(raw).toContain("fsyncsim: seed (workloads/jobs/seed.fio) on sata-hdd, fs raw, seed 1\n");
    expect(raw).not.toContain("fsync paths");
    expect(runTable(seedRun())).toBe(runTable(seedRun()));
  });
});

describe("num2str", () => {
  it("follows fio's rounding: at most 4 digits, carry into the last digit", () => {
    // Reference: fio 3.33's own output above and in a kb_base=1000 run ("io=541kB" for 540,672 bytes).
    expect(num2str(4_194_304, 4, true, "B")).toBe("4096KiB");
    expect(num2str(4_194_304, 4, false, "B")).toBe("4194kB");
    expect(num2str(540_672, 4, false, "B")).toBe("541kB");
    expect(num2str(11_304, 4, false, "")).toBe("11.3k");
    expect(num2str(52_428_800, 4, true, "B")).toBe("50.0MiB");
    expect(num2str(1_000, 4, true, "bit/s")).toBe("8000bit/s");
    expect(num2str(1_280, 4, true, "B/s")).toBe("1280B/s");
    expect(num2str(12_800, 4, true, "B/s")).toBe("12.5KiB/s"); // 256/1024 = 0.25: a tie, rounded to even as printf does
  });
});
