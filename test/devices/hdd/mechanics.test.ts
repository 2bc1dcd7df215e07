// Disk mechanics: track skew, and the arm and platter positions through an access.
import { describe, expect, it } from "vitest";
import { DiskMechanics } from "../../../devices/hdd/mechanics.ts";
import { fitSeekCurve } from "../../../devices/hdd/seek-curve.ts";
import { ZonedLayout } from "../../../devices/hdd/zoned-layout.ts";

// Reference: the Deskstar 7K1000.C 1 TB's geometry and seeks (docs/sources.md §D1.4): 2673 sectors on
// an outer track, 4 surfaces (Wong 2019); seeks 1.0 / 8.5 / 15.2 ms. The switch times here are round
// test values, not the drive's.
const REV = 60e9 / 7200;
const SPT = 2673;
const layout = new ZonedLayout({ capacitySectors: 1_953_525_168, surfaces: 4, zones: 30, outerTrackSectors: SPT, innerTrackSectors: 1350, revolutionNs: REV });
const seek = fitSeekCurve({ singleTrackNs: 1e6, averageNs: 8.5e6, fullStrokeNs: 15.2e6, maxDistanceCyl: layout.cylinders - 1 }, "t");
const arm = (): DiskMechanics =>
  new DiskMechanics({ layout, seek, revolutionNs: REV, phaseNs: 0, headSwitchNs: 1e6, writeSettleNs: 1e6, cylinderSwitchNs: 2e6 });

describe("DiskMechanics", () => {
  it("skews each track by the head-switch time, and each cylinder by the cylinder-switch time", () => {
    const m = arm();
    const loc = ZonedLayout.emptyLocation(layout);
    expect(m.sectorAngleNs(layout.locate(0, loc))).toBe(0);
    expect(m.sectorAngleNs(layout.locate(SPT, loc))).toBeCloseTo(1e6, 3);
    expect(m.sectorAngleNs(layout.locate(4 * SPT, loc))).toBeCloseTo((3 * 1e6 + 2e6) % REV, 3);
  });

  it("moves the arm to where an access ends and waits for the platter, not an average", () => {
    const m = arm();
    const end = m.access(0, 4 * SPT * 10 + 100, 8, true); // cylinder 10, head 0, sector 100
    expect([m.cylinder, m.head, m.nextLba]).toEqual([10, 0, 4 * SPT * 10 + 108]);
    // The platter sits where the access left it: the following sector needs no wait at all.
    expect(m.positioningNs(end, 4 * SPT * 10 + 108, true)).toBe(0);
    expect(m.rotationalWaitNs(0, REV / 4)).toBeCloseTo(REV / 4, 6);
    expect(m.rotationalWaitNs(REV / 2, REV / 4)).toBeCloseTo((3 * REV) / 4, 6);
  });
});
