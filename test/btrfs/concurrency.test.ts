// Several processes on one filesystem: the log's batching (btrfs_sync_log without the ssd option
// sleeps a jiffy when more than one process has joined the log, and a sync joins another's log
// commit instead of writing its own), and the inode's i_mutex between processes sharing a file.
import { describe, expect, it } from "vitest";
import { runJob, type RunResult } from "../../run/index.ts";
import { resolveJobs } from "../../workloads/index.ts";

const run = (text: string, device: "sata-hdd" | "fusion-iodrive" | "ramdisk", btrfs: Record<string, string> = {}): RunResult =>
  runJob({
    jobs: resolveJobs(text, "t.fio").jobs, device, fs: "btrfs", logger: "modified-extents", seed: 1,
    fsOverrides: { btrfs: Object.entries(btrfs).map(([name, value]) => ({ name, value, where: "test" })) },
  });
const FOUR = "[w]\nrw=randwrite\nbs=4k\nsize=512k\nfsync=1\nnumjobs=4\n";

describe("log batching between processes", () => {
  it("sleeps a jiffy per sync on a rotating disk when several processes log, and shares log commits", () => {
    const r = run(FOUR, "sata-hdd");
    expect(r.fsyncs).toBe(4 * 127);
    expect(r.modelStats.logBatchSleeps).toBeGreaterThan(0);
    // A sync that finds another process committing the same log transaction waits for it instead.
    expect(r.modelStats.logSyncs).toBeLessThan(r.fsyncs);
    expect(r.fsyncBreakdownNs.contention).toBeGreaterThan(0);
  });

  it("does not sleep with the ssd option (detected on a non-rotational device, or set)", () => {
    expect(run(FOUR, "ramdisk").modelStats.logBatchSleeps).toBe(0);
    expect(run(FOUR, "sata-hdd", { ssd: "on" }).modelStats.logBatchSleeps).toBe(0);
    // The 2012 ioDrive driver did not advertise non-rotational, so btrfs batched on it too.
    expect(run(FOUR, "fusion-iodrive").modelStats.logBatchSleeps).toBeGreaterThan(0);
  });

  it("never sleeps for a single process, however many fsyncs", () => {
    expect(run("[w]\nrw=randwrite\nbs=4k\nsize=512k\nfsync=1\n", "sata-hdd").modelStats.logBatchSleeps).toBe(0);
  });

  it("makes four processes' fsyncs cheaper per fsync than one process's on the rotating disk", () => {
    const one = run("[w]\nrw=randwrite\nbs=4k\nsize=512k\nfsync=1\n", "sata-hdd");
    const four = run(FOUR, "sata-hdd");
    const perSecond = (r: RunResult): number => r.fsyncs / (r.runtimeNs / 1e9);
    expect(perSecond(four)).toBeGreaterThan(1.5 * perSecond(one));
  });
});

describe("processes sharing a file", () => {
  it("take turns on the inode's i_mutex: every write and fsync lands, none lost", () => {
    const r = run("[w]\nrw=randwrite\nbs=4k\nsize=256k\nfsync=1\nnumjobs=2\nfilename=shared\n", "fusion-iodrive");
    expect(r.processes.map((p) => p.write.ios)).toEqual([64, 64]);
    expect(r.fsyncs).toBe(2 * 63);
    expect(r.fsyncBreakdownNs.contention).toBeGreaterThan(0);
  });
});
