// Log replay's effect on a file's extents: a logged extent replaces what it overlaps, trimming
// extents that straddle it; orphan cleanup cuts everything past the size.
import { describe, expect, it } from "vitest";
import { replayExtents, truncateExtents, type RecoveredExtent } from "../../../crash/btrfs/extent-overlay.ts";

const K = 4096;
const ext = (start: number, blocks: number, disk: number): RecoveredExtent => ({ fileOffset: start * K, numBytes: blocks * K, extentType: "reg", diskStart: disk * K });
const show = (xs: readonly RecoveredExtent[]): string[] => xs.map((x) => `${x.fileOffset / K}+${x.numBytes / K}@${x.diskStart / K}`);

describe("replayExtents", () => {
  it("splits a base extent around a logged one, keeping disk addresses aligned", () => {
    expect(show(replayExtents([ext(0, 10, 100)], [ext(3, 2, 500)]))).toEqual(["0+3@100", "3+2@500", "5+5@105"]);
  });

  it("replaces several base extents, trims the ends, and keeps what lies outside", () => {
    const base = [ext(0, 2, 10), ext(2, 2, 20), ext(4, 2, 30), ext(6, 2, 40)];
    expect(show(replayExtents(base, [ext(1, 2, 70), ext(5, 2, 90)]))).toEqual(["0+1@10", "1+2@70", "3+1@21", "4+1@30", "5+2@90", "7+1@41"]);
  });

  it("appends logged extents past the end and handles an empty base", () => {
    expect(show(replayExtents([ext(0, 1, 1)], [ext(4, 1, 9)]))).toEqual(["0+1@1", "4+1@9"]);
    expect(show(replayExtents([], [ext(2, 1, 9)]))).toEqual(["2+1@9"]);
  });

  it("replays overlapping logged extents one after another, the later winning", () => {
    expect(show(replayExtents([ext(0, 4, 0)], [ext(1, 2, 50), ext(2, 2, 60)]))).toEqual(["0+1@0", "1+1@50", "2+2@60"]);
  });

  it("keeps holes (disk address 0) as holes when trimmed", () => {
    const hole: RecoveredExtent = { fileOffset: 0, numBytes: 4 * K, extentType: "reg", diskStart: 0 };
    expect(show(replayExtents([hole], [ext(1, 1, 7)]))).toEqual(["0+1@0", "1+1@7", "2+2@0"]);
  });
});

describe("truncateExtents", () => {
  it("drops extents past the end and trims the one straddling it", () => {
    const xs = [ext(0, 2, 10), ext(2, 4, 20), ext(8, 1, 30)];
    truncateExtents(xs, 3 * K);
    expect(show(xs)).toEqual(["0+2@10", "2+1@20"]);
  });
});
