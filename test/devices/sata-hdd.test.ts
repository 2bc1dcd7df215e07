// The SATA disk model held to its drive's parameters, the Hitachi Deskstar 7K1000.C 1 TB
// (docs/sources.md §D1.3-D1.6): seek + rotation + transfer for uncached writes, zone-rate
// sequential transfer, cached writes at interface speed, and FLUSH CACHE paying one positioning per
// scattered dirty block.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import type { DeviceCommand, DeviceModel } from "../../block/index.ts";
import { createDevice, deviceSpec } from "../../devices/index.ts";
import { fitSeekCurve } from "../../devices/hdd/seek-curve.ts";
import { ZonedLayout } from "../../devices/hdd/zoned-layout.ts";

const MS = 1e6;
/** Reference: 7200 rpm (7K1000.C retail listing; 7199.8 measured, Wong 2019). */
const REV_NS = 60e9 / 7200;
/** Reference: commandOverheadMs default 0.3 (unconfirmed, §D1.4). */
const OVERHEAD_NS = 0.3 * MS;
/** Reference: 7K1000.C spec p.20, average write seek 9.5 ms - read 8.5 ms. */
const SETTLE_NS = 1.0 * MS;
/** Reference: 7K1000.C track skew 4/27 rev (Wong 2019) = 1.2346 ms at 7200 rpm. */
const HEAD_SWITCH_NS = 1.2346 * MS;
/** Reference: 4 surfaces measured on the 7K1000.C 1 TB (Wong 2019). */
const SURFACES = 4;
/** Reference: sectors per track 2673 (OD) and 1350 (ID), measured on the 7K1000.C (Wong 2019). */
const OUTER_SPT = 2673;
const INNER_SPT = 1350;
/** Media rate of a zone: its track's bytes once per revolution. */
const rateOf = (spt: number): number => (spt * 512 * 1e9) / REV_NS;
/** Reference: seeks 1.0 (single track, unconfirmed), 8.5 (7K1000.C spec p.20), 15.2 ms (full stroke, Wong 2019). */
const SEEK_SPEC = { singleTrackNs: 1 * MS, averageNs: 8.5 * MS, fullStrokeNs: 15.2 * MS };
/** Reference: 1,000,204,886,016 B (fdisk of a 7K1000.C, §D1.4). */
const CAPACITY_SECTORS = Math.floor(1_000_204_886_016 / 512);

function disk(set: Record<string, string> = {}): DeviceModel {
  return createDevice("sata-hdd", Object.entries(set).map(([name, value]) => ({ name, value, where: "test" }))).model;
}
const write = (startSector: number, sectorCount = 8, fua = false): DeviceCommand => ({ op: "write", startSector, sectorCount, fua });
const flush: DeviceCommand = { op: "flush", startSector: 0, sectorCount: 0, fua: false };
const read = (startSector: number, sectorCount = 8): DeviceCommand => ({ op: "read", startSector, sectorCount, fua: false });

/** Deterministic uniform [0, 1). */
const uniform = (seed: number): (() => number) => seedrandom.alea(String(seed));

/** The model's own layout for the default parameters (to pick LBAs on chosen cylinders). */
function defaultLayout(): ZonedLayout {
  return new ZonedLayout({
    capacitySectors: CAPACITY_SECTORS, surfaces: SURFACES, zones: 30, // Reference: zonesCount 30 (unconfirmed)
    outerTrackSectors: OUTER_SPT, innerTrackSectors: INNER_SPT, revolutionNs: REV_NS });
}

describe("sata-hdd defaults", () => {
  it("are one drive's figures, the Deskstar 7K1000.C 1 TB (HDS721010CLA332)", () => {
    const d = createDevice("sata-hdd", []).params;
    expect(d).toMatchObject({
      capacityBytes: 1_000_204_886_016, // Reference: fdisk of a 7K1000.C 0F10383 (Ubuntu Forums, 2011-10-14)
      rotationRpm: 7200, // Reference: retail listing "7200 RPM"; Wong 2019 measured 7199.8
      surfacesCount: 4, // Reference: Wong 2019, Results Summary
      outerTrackSectors: 2673, // Reference: Wong 2019, sectors/track 2673 - 1350
      innerTrackSectors: 1350,
      seekAverageMs: 8.5, // Reference: 7K1000.C spec p.20 Table 9, 2-disk model, read typical
      seekFullStrokeMs: 15.2, // Reference: Wong 2019, max. seek (host overhead included)
      writeSettleMs: 1.0, // Reference: 7K1000.C spec p.20 Table 9, write 9.5 - read 8.5 ms
      headSwitchMs: 1.2346, // Reference: Wong 2019, skew 53.3 degrees = 4/27 rev at 7200 rpm
      interfaceBytesPerS: 300e6, // Reference: retail listing "SATA 3.0Gb/s"
      writeCacheBytes: 32 * 2 ** 20, // Reference: retail listing "32MB Cache"
    });
    // The figures no document of this drive gives are marked so (docs/sources.md §D1.4).
    const p = deviceSpec("sata-hdd").params as Record<string, { status: string }>;
    for (const name of ["zonesCount", "seekSingleTrackMs", "commandOverheadMs"]) expect(p[name]!.status).toBe("unconfirmed");
    expect(p.destageOrder!.status).toBe("calibrated");
  });
});

describe("sata-hdd, write cache off", () => {
  const uncached = { writeCacheEnabled: "false" };

  it("a write on the current track costs overhead + the rotation to its sector + transfer", () => {
    const d = disk(uncached);
    const sector = 1000;
    const wait = (((sector * REV_NS) / OUTER_SPT - OVERHEAD_NS) % REV_NS + REV_NS) % REV_NS;
    const expected = OVERHEAD_NS + wait + (8 * REV_NS) / OUTER_SPT;
    expect(d.submit(write(sector), 0)).toBeCloseTo(expected, -1);
  });

  it("tracks the platter through time: rewriting the sector just written waits a whole turn", () => {
    const d = disk(uncached);
    const first = d.submit(write(0), 0);
    const second = d.submit(write(0), first) - first;
    expect(second).toBeGreaterThan(REV_NS - 1_000);
    expect(second).toBeLessThan(REV_NS + 1_000);
  });

  it("random writes over uniformly random cylinders average overhead + write seek + half a turn + transfer", () => {
    const d = disk(uncached);
    const layout = defaultLayout();
    const rnd = uniform(42);
    const n = 4000;
    let t = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const cylinder = Math.floor(rnd() * layout.cylinders);
      const zone = layout.zones[Math.floor(cylinder / layout.cylindersPerZone)]!;
      const track = (cylinder - zone.firstCylinder) * SURFACES + Math.floor(rnd() * SURFACES);
      const lba = zone.firstLba + track * zone.sectorsPerTrack + Math.floor(rnd() * (zone.sectorsPerTrack - 8));
      const done = d.submit(write(lba), t);
      total += done - t;
      t = done;
    }
    // Reference: average write seek 9.5 ms = 8.5 read + 1.0 settle (7K1000.C spec p.20); rotation 4.17 ms;
    // transfer at the mean of the zone rates (2673 and 1350 sectors per turn).
    const expected = OVERHEAD_NS + 9.5 * MS + REV_NS / 2 + (8 * 512 * 1e9) / ((rateOf(OUTER_SPT) + rateOf(INNER_SPT)) / 2);
    expect(total / n / expected).toBeGreaterThan(0.97);
    expect(total / n / expected).toBeLessThan(1.03);
  });

  it("transfers a whole track at the zone's media rate, outer and inner", () => {
    const layout = defaultLayout();
    // Reference: 2673 x 512 B x 120 rev/s = 164.2 MB/s outer, 1350 -> 82.9 MB/s inner (Wong 2019).
    for (const [zone, rate] of [
      [layout.zones[0]!, rateOf(OUTER_SPT)],
      [layout.zones[layout.zones.length - 1]!, rateOf(INNER_SPT)],
    ] as const) {
      const d = disk(uncached);
      const lba = zone.firstLba;
      const positioned = d.submit(write(lba, 8), 0);
      // Write the rest of that track: it starts where the first write ended, so no wait at all.
      const spt = zone.sectorsPerTrack;
      const duration = d.submit(write(lba + 8, spt - 8), positioned) - positioned - OVERHEAD_NS;
      const bytesPerS = ((spt - 8) * 512 * 1e9) / duration;
      // The overhead delays the second write by 0.3 ms, so it waits almost a turn first; subtract it.
      const transfer = duration - (REV_NS - OVERHEAD_NS);
      expect(((spt - 8) * 512 * 1e9) / transfer / rate).toBeCloseTo(1, 2);
      expect(bytesPerS).toBeLessThan(rate);
    }
  });

  it("a multi-track sequential write costs one turn per track plus head and cylinder switches", () => {
    const d = disk(uncached);
    const tracks = 40; // 10 cylinders of 4 surfaces, from LBA 0
    const duration = d.submit(write(0, tracks * OUTER_SPT), 0);
    const seek = fitSeekCurve({ ...SEEK_SPEC, maxDistanceCyl: defaultLayout().cylinders - 1 }, "t");
    const firstWait = REV_NS - OVERHEAD_NS; // sector 0 passed the head at t=0
    // Reference: the skews equal the switch times, so no turn is lost at a track boundary (mechanics.ts).
    const expected = OVERHEAD_NS + firstWait + tracks * REV_NS + 30 * HEAD_SWITCH_NS + 9 * (seek.timeNs(1) + SETTLE_NS);
    expect(Math.abs(duration - expected)).toBeLessThan(1_000);
  });
});

describe("sata-hdd, write cache on (the 2012 default)", () => {
  it("acknowledges a write after the command overhead and the SATA transfer", () => {
    const d = disk();
    // Reference: SATA 3.0 Gb/s = 300 MB/s of data (7K1000.C retail listing, 8b/10b).
    expect(d.submit(write(123_456_789), 0)).toBe(Math.round(OVERHEAD_NS + (4096 * 1e9) / 300e6));
  });

  it("an empty cache's flush costs only the command overhead", () => {
    expect(disk().submit(flush, 0)).toBe(OVERHEAD_NS);
  });

  it("a flush after N scattered cached writes costs about N positionings", () => {
    const n = 50;
    const rnd = uniform(7);
    const lbas = Array.from({ length: n }, () => Math.floor(rnd() * 1.9e9) & ~7);
    const flushTime = (order: string): number => {
      const d = disk({ destageOrder: order });
      let t = 0;
      for (const lba of lbas) t = d.submit(write(lba), t);
      return d.submit(flush, t) - t;
    };
    // C-LOOK visits the blocks in LBA order: each costs a seek of about 1/N of the stroke + settle + half a turn.
    const seek = fitSeekCurve({ ...SEEK_SPEC, maxDistanceCyl: defaultLayout().cylinders - 1 }, "t");
    const perBlock = seek.timeNs(defaultLayout().cylinders / n) + SETTLE_NS + REV_NS / 2;
    const clook = flushTime("clook");
    expect(clook / n / perBlock).toBeGreaterThan(0.75);
    expect(clook / n / perBlock).toBeLessThan(1.25);
    const sptf = flushTime("sptf");
    expect(sptf).toBeLessThanOrEqual(clook);
    expect(sptf / n).toBeGreaterThan(seek.timeNs(1) + SETTLE_NS); // still one positioning per block
  });

  it("a full cache destages before it accepts another write", () => {
    const d = disk({ writeCacheBytes: String(16 * 4096) });
    const rnd = uniform(3);
    let t = 0;
    for (let i = 0; i < 16; i++) t = d.submit(write(Math.floor(rnd() * 1.9e9) & ~7), t);
    const seventeenth = d.submit(write(8), t) - t;
    expect(seventeenth).toBeGreaterThan(1 * MS);
  });

  it("serves a read of dirty data from the cache and a read of clean data from the platters", () => {
    const d = disk();
    const t = d.submit(write(5_000_000), 0);
    const hit = d.submit(read(5_000_000), t) - t;
    expect(hit).toBe(Math.round(OVERHEAD_NS + (4096 * 1e9) / 300e6));
    const miss = d.submit(read(900_000_000), t + hit) - (t + hit);
    expect(miss).toBeGreaterThan(2 * MS);
  });

  it("with libata.fua=1, a FUA write goes to the platters and leaves other dirty data cached", () => {
    const fuaDisk = createDevice("sata-hdd", [{ name: "fuaEnabled", value: "true", where: "t" }]).model;
    expect(fuaDisk.capabilities.fua).toBe(true);
    expect(disk().capabilities.fua).toBe(false);
    let t = fuaDisk.submit(write(1_000_000), 0);
    const fuaWrite = fuaDisk.submit(write(800_000_000, 8, true), t) - t;
    expect(fuaWrite).toBeGreaterThan(2 * MS);
    t += fuaWrite;
    expect(fuaDisk.submit(flush, t) - t).toBeGreaterThan(2 * MS); // the earlier write is still dirty
  });
});
