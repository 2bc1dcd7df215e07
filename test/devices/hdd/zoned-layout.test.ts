// Zoned layout: sectors per track follow the zone's media rate; LBAs fill a cylinder surface by
// surface; track skews let a transfer continue onto the next track after the switch time.
import { describe, expect, it } from "vitest";
import { ZonedLayout } from "../../../devices/hdd/zoned-layout.ts";

const REV = 60e9 / 7200;
const layout = new ZonedLayout({
  capacitySectors: 1_953_525_168, surfaces: 4, zones: 30, outerBytesPerS: 175e6, innerBytesPerS: 83e6,
  revolutionNs: REV });

describe("ZonedLayout", () => {
  it("gives each zone the sectors per track its media rate implies", () => {
    expect(layout.zones[0]!.sectorsPerTrack).toBe(2848); // 175e6 B/s x 8.333 ms / 512 B = 2848.9
    expect(layout.zones[29]!.sectorsPerTrack).toBe(1350); // 83e6 x 8.333 ms / 512 = 1350.9
  });

  it("covers the whole capacity with equal cylinders per zone", () => {
    const last = layout.zones[29]!;
    const end = last.firstLba + last.sectorsPerTrack * 4 * layout.cylindersPerZone;
    expect(end).toBeGreaterThanOrEqual(1_953_525_168);
    expect(layout.cylinders).toBe(30 * layout.cylindersPerZone);
  });

  it("fills a cylinder surface by surface, then moves inwards", () => {
    const loc = ZonedLayout.emptyLocation(layout);
    expect(layout.locate(2848, loc)).toMatchObject({ cylinder: 0, head: 1, sector: 0 });
    expect(layout.locate(4 * 2848 + 5, loc)).toMatchObject({ cylinder: 1, head: 0, sector: 5 });
    const z1 = layout.zones[1]!;
    expect(layout.locate(z1.firstLba, loc)).toMatchObject({ cylinder: layout.cylindersPerZone, head: 0, sector: 0 });
  });

});
