// The raw-device baseline of the seed job follows from the device parameters: on the SATA disk one
// cached write + one flush that pays one positioning per write over the file's 50 MiB span; on the
// flash card its latencies exactly. (Reference: the seed job, workloads/jobs/seed.fio.)
import { describe, expect, it } from "vitest";
import { fitSeekCurve } from "../../devices/hdd/seek-curve.ts";
import { ZonedLayout } from "../../devices/hdd/zoned-layout.ts";
import { runJob } from "../../run/index.ts";
import { readJobFile } from "../../workloads/index.ts";

const seedJob = () => readJobFile("workloads/jobs/seed.fio").jobs[0]!;
const MS = 1e6;

describe("raw baseline of the seed job", () => {
  it("on fusion-iodrive: each write costs CPU + transfer + write latency, each flush CPU + flush latency", () => {
    const r = runJob({ jobs: [seedJob()], device: "fusion-iodrive", fs: "raw", seed: 1 });
    const writeNs = 10_000 + 3_724 + 15_000; // host CPU, 4096 B at 1.1 GB/s, write latency
    const flushNs = 10_000 + 15_000; // host CPU, flush latency (nothing left in flight)
    expect(r.writes).toBe(12_800);
    expect(r.fsyncs).toBe(12_799);
    expect(r.runtimeNs).toBe(12_800 * writeNs + 12_799 * flushNs);
    expect(r.block).toMatchObject({ deviceWrites: 12_800, deviceFlushes: 12_799, bytesWritten: 50 * 2 ** 20 });
  });

  it("on sata-hdd: each write + fsync costs two command overheads, the SATA transfer and one positioning", () => {
    const r = runJob({ jobs: [seedJob()], device: "sata-hdd", fs: "raw", seed: 1 });
    // Reference: the Deskstar 7K1000.C 1 TB (docs/sources.md §D1.4): 7200 rpm, 4 surfaces, 2673 -> 1350
    // sectors per track, seeks 1.0 / 8.5 / 15.2 ms, write settle 1.0 ms, track skew 4/27 rev = 1.2346 ms.
    const rev = 60e9 / 7200;
    const headSwitchNs = 1.2346 * MS;
    const layout = new ZonedLayout({
      capacitySectors: Math.floor(1_000_204_886_016 / 512), surfaces: 4, zones: 30, outerTrackSectors: 2673,
      innerTrackSectors: 1350, revolutionNs: rev });
    const seek = fitSeekCurve({ singleTrackNs: 1 * MS, averageNs: 8.5 * MS, fullStrokeNs: 15.2 * MS, maxDistanceCyl: layout.cylinders - 1 }, "t");
    // The file spans the first 102,400 sectors: tracks of 2,673 sectors, 4 per cylinder.
    const spt = layout.zones[0]!.sectorsPerTrack;
    const sectors = (50 * 2 ** 20) / 512;
    const tracks = Math.ceil(sectors / spt);
    const weight = (t: number): number => Math.min(spt, sectors - t * spt) / sectors;
    let move = 0; // expected arm movement between two independent random blocks of the file
    for (let a = 0; a < tracks; a++) {
      for (let b = 0; b < tracks; b++) {
        const dc = Math.abs(Math.floor(a / 4) - Math.floor(b / 4));
        const m = dc > 0 ? seek.timeNs(dc) + 1 * MS : a === b ? 0 : headSwitchNs; // write seek + settle, head switch
        move += weight(a) * weight(b) * m;
      }
    }
    const perOp = 0.3 * MS + (4096 * 1e9) / 300e6 + 0.3 * MS + move + rev / 2 + (8 * rev) / spt;
    const predictedKiBps = 4 / (perOp / 1e9);
    const measuredKiBps = (r.bytesWritten / 1024) / (r.runtimeNs / 1e9);
    expect(measuredKiBps / predictedKiBps).toBeGreaterThan(0.98);
    expect(measuredKiBps / predictedKiBps).toBeLessThan(1.02);
    expect(r.block.deviceFlushes).toBe(12_799);
  });
});
