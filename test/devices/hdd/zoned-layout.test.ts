// Zoned layout: sectors per track follow the zone's media rate; LBAs fill a cylinder surface by
// surface; track skews let a transfer continue onto the next track after the switch time.
import { describe, expect, it } from "vitest";
import { ZonedLayout } from "../../../devices/hdd/zoned-layout.ts";

// Reference: the Deskstar 7K1000.C 1 TB: 1,953,525,168 sectors (fdisk, docs/sources.md §D1.4), 4
// surfaces, 2673 -> 1350 sectors per track (Wong 2019); 30 zones (unconfirmed).
const REV = 60e9 / 7200;
const layout = new ZonedLayout({
  capacitySectors: 1_953_525_168, surfaces: 4, zones: 30, outerTrackSectors: 2673, innerTrackSectors: 1350,
  revolutionNs: REV });

describe("ZonedLayout", () => {
  it("runs sectors per track from the outer zone's count to the inner zone's, linearly", () => {
    expect(layout.zones[0]!.sectorsPerTrack).toBe(2673); // Reference: Wong 2019, OD track size
    expect(layout.zones[29]!.sectorsPerTrack).toBe(1350); // Reference: Wong 2019, ID track size
    expect(layout.zones[1]!.sectorsPerTrack).toBe(2627); // 2673 - 1323/29 = 2627.4, rounded
    // Reference: the zones' media rates, 2673 x 512 B per 8.333 ms turn = 164.2 MB/s and 1350 -> 82.9 MB/s.
    expect((512 * 1e9) / layout.zones[0]!.sectorNs / 1e6).toBeCloseTo(164.2, 1);
    expect((512 * 1e9) / layout.zones[29]!.sectorNs / 1e6).toBeCloseTo(82.9, 1);
  });

  it("has about as many cylinders as the drive has tracks per surface", () => {
    // Reference: 914,873 tracks on 4 surfaces = 228,718 per surface (Wong 2019). The model's linear
    // track-size fall holds fewer sectors than the measured (convex) one, so it needs ~6 % more.
    expect(layout.cylinders / 228_718).toBeGreaterThan(1.0);
    expect(layout.cylinders / 228_718).toBeLessThan(1.08);
  });

  it("covers the whole capacity with equal cylinders per zone", () => {
    const last = layout.zones[29]!;
    const end = last.firstLba + last.sectorsPerTrack * 4 * layout.cylindersPerZone;
    expect(end).toBeGreaterThanOrEqual(1_953_525_168);
    expect(layout.cylinders).toBe(30 * layout.cylindersPerZone);
  });

  it("fills a cylinder surface by surface, then moves inwards", () => {
    const loc = ZonedLayout.emptyLocation(layout);
    expect(layout.locate(2673, loc)).toMatchObject({ cylinder: 0, head: 1, sector: 0 });
    expect(layout.locate(4 * 2673 + 5, loc)).toMatchObject({ cylinder: 1, head: 0, sector: 5 });
    const z1 = layout.zones[1]!;
    expect(layout.locate(z1.firstLba, loc)).toMatchObject({ cylinder: layout.cylindersPerZone, head: 0, sector: 0 });
  });

});
