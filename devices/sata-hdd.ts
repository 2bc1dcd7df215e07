// A 7200 rpm SATA desktop disk of 2012, one drive: the Hitachi Deskstar 7K1000.C 1 TB
// (HDS721010CLA332; 2 platters, 4 heads, 32 MB cache). Modelled mechanically: a fitted seek curve,
// the platter's angle tracked through simulated time, zoned transfer rates, head switches and write
// settle, a per-command controller overhead, and a volatile write-back cache. Commands are served
// one at a time in arrival order (no NCQ reordering). A cached write completes after the overhead
// and the SATA transfer; the cache is written to the platters only when a FLUSH CACHE arrives or
// when it is full (no idle-time destaging). Destage order: 'clook' = ascending LBA from the head,
// wrapping (the default, chosen by the seed table's SATA cells); 'sptf' = shortest positioning time
// (seek + rotation) first, as firmware with rotational position ordering would do.
// Linux 2012 ran libata with fua=0, so FUA reaches this disk as write + FLUSH CACHE.
// Sources: docs/sources.md §D0.2, §D1.1-D1.6.
import type { ParamTable, ParamValues } from "../lib/params/index.ts";
import { SECTOR_BYTES, type DeviceModel } from "../block/index.ts";
import { sectorAligned, toIntegerNs, type DeviceSpec } from "./device-spec.ts";
import { DirtyRanges, type SectorRange } from "./hdd/dirty-ranges.ts";
import { DiskMechanics } from "./hdd/mechanics.ts";
import { fitSeekCurve } from "./hdd/seek-curve.ts";
import { ZonedLayout } from "./hdd/zoned-layout.ts";

const MS = 1e6;

const SATA_HDD_PARAMS = {
  capacityBytes: {
    kind: "number", default: 1_000_204_886_016, min: 2 ** 30, max: 2 ** 50, integer: true,
    help: "addressable size (1,953,525,168 sectors of 512 B)",
    source: "fdisk of a Deskstar 7K1000.C 0F10383, Ubuntu Forums, Oct 2011 (docs/sources.md §D1.4)", status: "secondary",
  },
  rotationRpm: {
    kind: "number", default: 7200, min: 3600, max: 15000,
    help: "spindle speed", source: "Deskstar 7K1000.C: 7200 rpm (retail listing); 7199.8 measured (Wong 2019)", status: "secondary",
  },
  surfacesCount: {
    kind: "number", default: 4, min: 1, max: 20, integer: true,
    help: "recording surfaces (heads)", source: "Deskstar 7K1000.C 1 TB: 4 surfaces measured (Wong 2019)", status: "secondary",
  },
  zonesCount: {
    kind: "number", default: 30, min: 1, max: 200, integer: true,
    help: "recording zones from outer to inner diameter",
    source: "7K1000.C count not found; 30 as in Hitachi's Deskstar 7K500 manual (plausibility)", status: "unconfirmed",
    uncertainty: { low: 15, high: 60, why: "desktop drives of 2008-2012 record in roughly 15 to 60 zones per surface" },
  },
  outerTrackSectors: {
    kind: "number", default: 2673, min: 1, max: 100_000, integer: true,
    help: "512 B sectors on a track of the outermost zone (media rate = sectors x 512 B per revolution)",
    source: "Deskstar 7K1000.C: 2673 measured (Wong 2019)", status: "secondary",
  },
  innerTrackSectors: {
    kind: "number", default: 1350, min: 1, max: 100_000, integer: true,
    help: "512 B sectors on a track of the innermost zone",
    source: "Deskstar 7K1000.C: 1350 measured (Wong 2019)", status: "secondary",
  },
  seekSingleTrackMs: {
    kind: "number", default: 1.0, min: 0.05, max: 20,
    help: "read seek to the adjacent cylinder",
    source: "7K1000.C figure not found; Hitachi Travelstar 7K320 spec 1.0 ms; at most the 7K1000.C's 1.23 ms track skew (docs/sources.md §D1.4)",
    status: "unconfirmed",
    uncertainty: { low: 0.5, high: 1.2, why: "7200 rpm desktop drives quote 0.6-1.0 ms; the drive's 1.23 ms track skew bounds it above" },
  },
  seekAverageMs: {
    kind: "number", default: 8.5, min: 0.1, max: 50,
    help: "read seek averaged over random start and end cylinders", source: "Deskstar 7K1000.C spec p.20 Table 9, 2-disk model, 8.5 ms typical", status: "confirmed",
  },
  seekFullStrokeMs: {
    kind: "number", default: 15.2, min: 0.2, max: 100,
    help: "read seek across all cylinders",
    source: "Deskstar 7K1000.C: 15.2 ms measured, host and controller overhead included (Wong 2019)", status: "secondary",
  },
  writeSettleMs: {
    kind: "number", default: 1.0, min: 0, max: 10,
    help: "extra settle after a seek before writing", source: "7K1000.C spec p.20: average write seek 9.5 vs read 8.5 ms", status: "derived",
  },
  headSwitchMs: {
    kind: "number", default: 1.2346, min: 0, max: 10,
    help: "time to switch to another surface in the same cylinder; also the skew between a cylinder's tracks",
    source: "7K1000.C track skew 4/27 rev measured (Wong 2019) = 1.2346 ms at 7200 rpm; no head-switch figure found (docs/sources.md §D1.4)", status: "derived",
  },
  commandOverheadMs: {
    kind: "number", default: 0.3, min: 0, max: 10,
    help: "controller time per command (read, write or flush)",
    source: "7K1000.C figure not found; a few hundred µs (Wong 2019), IBM DDRS < 0.4 ms (docs/sources.md §D1.3-D1.4)", status: "unconfirmed",
    uncertainty: { low: 0.1, high: 0.5, why: "Wong measured a few hundred µs of overhead per command on this drive; IBM's DDRS quotes under 0.4 ms" },
  },
  interfaceBytesPerS: {
    kind: "number", default: 300e6, min: 1e6, max: 1e10,
    help: "SATA link rate for data into the cache", source: "Deskstar 7K1000.C: SATA 3.0 Gb/s (retail listing), 8b/10b coding", status: "secondary",
  },
  writeCacheEnabled: {
    kind: "boolean", default: true,
    help: "volatile write-back cache on (WCE); off makes every write go to the platters", source: "ATA drives ship with WCE on", status: "confirmed",
  },
  writeCacheBytes: {
    kind: "number", default: 32 * 2 ** 20, min: SECTOR_BYTES, max: 2 ** 34, integer: true,
    help: "cache space for dirty write data", source: "Deskstar 7K1000.C 0F10383: 32 MB cache (retail listing)", status: "secondary",
  },
  fuaEnabled: {
    kind: "boolean", default: false,
    help: "Linux sends native FUA writes (libata.fua=1) instead of write + flush", source: "libata.fua=0 default in 2012 (LKML, Oct 2022 thread)", status: "confirmed",
  },
  destageOrder: {
    kind: "choice", choices: ["sptf", "clook"], default: "clook",
    help: "order in which a flush writes dirty blocks: ascending LBA from the head (clook) or shortest positioning first (sptf)",
    source: "calibrated against the seed table (SATA cells); drives' flush order is unpublished (docs/calibration.md)", status: "calibrated",
  },
  spindlePhaseRatio: {
    kind: "number", default: 0, min: 0, max: 1,
    help: "platter angle at time 0, as a fraction of a revolution", source: "arbitrary starting angle", status: "convention",
  },
} as const satisfies ParamTable;

type SataHddParams = ParamValues<typeof SATA_HDD_PARAMS>;

export const sataHdd: DeviceSpec<typeof SATA_HDD_PARAMS> = {
  name: "sata-hdd",
  label: "SATA disk",
  summary: "a mechanistic 7200 rpm SATA disk of 2012 with a volatile write-back cache",
  params: SATA_HDD_PARAMS,
  create: (p) => createSataHdd(p),
};

function createSataHdd(p: SataHddParams): DeviceModel {
  const revolutionNs = 60e9 / p.rotationRpm;
  const capacitySectors = Math.floor(p.capacityBytes / SECTOR_BYTES);
  const layout = new ZonedLayout({
    capacitySectors, surfaces: p.surfacesCount, zones: p.zonesCount,
    outerTrackSectors: p.outerTrackSectors, innerTrackSectors: p.innerTrackSectors, revolutionNs,
  });
  const seek = fitSeekCurve(
    { singleTrackNs: p.seekSingleTrackMs * MS, averageNs: p.seekAverageMs * MS, fullStrokeNs: p.seekFullStrokeMs * MS,
      maxDistanceCyl: layout.cylinders - 1 },
    "device sata-hdd",
  );
  const arm = new DiskMechanics({
    layout, seek, revolutionNs, phaseNs: p.spindlePhaseRatio * revolutionNs,
    headSwitchNs: p.headSwitchMs * MS, writeSettleNs: p.writeSettleMs * MS,
    // Cylinder skew covers a one-cylinder write seek, so sequential writes cross cylinders without a lost turn.
    cylinderSwitchNs: seek.timeNs(1) + p.writeSettleMs * MS,
  });
  const cache = new DirtyRanges();
  const cacheSectors = Math.floor(p.writeCacheBytes / SECTOR_BYTES);
  const overheadNs = p.commandOverheadMs * MS;
  const interfaceNs = (sectors: number): number => (sectors * SECTOR_BYTES * 1e9) / p.interfaceBytesPerS;
  let freeNs = 0;

  /** Index of the dirty range to write next, by the destage policy. */
  const pickNext = (tNs: number): number => {
    const ranges = cache.ranges;
    if (p.destageOrder === "clook") {
      const i = ranges.findIndex((r) => r.start >= arm.nextLba);
      return i < 0 ? 0 : i;
    }
    let best = 0;
    let bestNs = Infinity;
    for (let i = 0; i < ranges.length; i++) {
      const ns = arm.positioningNs(tNs, (ranges[i] as SectorRange).start, true);
      if (ns < bestNs) {
        bestNs = ns;
        best = i;
      }
    }
    return best;
  };
  /** Writes dirty ranges to the platters until at most `keepSectors` remain dirty; returns the end time. */
  const destage = (tNs: number, keepSectors: number): number => {
    let t = tNs;
    while (cache.sectors > keepSectors) {
      const r = cache.takeAt(pickNext(t));
      t = arm.access(t, r.start, r.count, true);
    }
    return t;
  };

  return {
    capabilities: {
      volatileWriteCache: p.writeCacheEnabled,
      powerLossProtected: false,
      fua: p.writeCacheEnabled && p.fuaEnabled,
      capacityBytes: sectorAligned(p.capacityBytes),
      hostCpuNsPerCommand: 0,
      rotational: true,
    },
    submit(cmd, nowNs) {
      let t = Math.max(nowNs, freeNs) + overheadNs;
      const { startSector: lba, sectorCount: n } = cmd;
      if (cmd.op === "flush") {
        t = destage(t, 0);
      } else if (cmd.op === "read") {
        t = cache.covers(lba, n) ? t + interfaceNs(n) : arm.access(t, lba, n, false);
      } else if (!p.writeCacheEnabled || cmd.fua || n > cacheSectors) {
        cache.remove(lba, n);
        t = arm.access(t, lba, n, true);
      } else {
        t = destage(t, cacheSectors - n) + interfaceNs(n);
        cache.add(lba, n);
      }
      freeNs = Math.max(nowNs, toIntegerNs(t));
      return freeNs;
    },
  };
}
