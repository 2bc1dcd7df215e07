// Checksum items: csumFileBlocks records sector runs, lookupCsumsRange reads them back, and
// copyCsums copies the checksums of a batch of disk ranges from the csum tree into a log tree,
// once (a second copy of ranges the log already covers inserts nothing).
import { describe, expect, it } from "vitest";
import { BTree } from "../../../sim/btrfs/ctree/btree.ts";
import { OBJECTID } from "../../../sim/btrfs/ctree/key.ts";
import { copyCsums, csumFileBlocks, lookupCsumsRange } from "../../../sim/btrfs/file-item.ts";
import { FakeHost, checkTree } from "./ctree/fake-host.ts";

const SECTOR = 4096;
const BASE = 2 ** 32; // disk addresses above 4 GiB, as on a real device

describe("checksum items", () => {
  it("reads back the runs it recorded, merged where they touch and split where they do not", () => {
    const host = new FakeHost();
    const tree = new BTree(host, OBJECTID.CSUM_TREE);
    csumFileBlocks(tree, BASE, 3, SECTOR);
    csumFileBlocks(tree, BASE + 3 * SECTOR, 2, SECTOR); // extends the first run
    csumFileBlocks(tree, BASE + 10 * SECTOR, 1, SECTOR);
    expect(lookupCsumsRange(tree, BASE, BASE + 20 * SECTOR, SECTOR)).toEqual([
      { bytenr: BASE, sectors: 5 },
      { bytenr: BASE + 10 * SECTOR, sectors: 1 },
    ]);
    expect(lookupCsumsRange(tree, BASE + 2 * SECTOR, BASE + 4 * SECTOR, SECTOR)).toEqual([{ bytenr: BASE + 2 * SECTOR, sectors: 2 }]);
  });

  it("copies the checksums of hundreds of separate ranges into the log in one batch, and only once", () => {
    const host = new FakeHost();
    const csums = new BTree(host, OBJECTID.CSUM_TREE);
    const log = new BTree(host, OBJECTID.TREE_LOG);
    // 400 one-sector runs with a gap after each: 400 separate csum items over several leaves.
    const ranges = Array.from({ length: 400 }, (_, i) => ({ start: BASE + 2 * i * SECTOR, end: BASE + (2 * i + 1) * SECTOR }));
    for (const r of ranges) csumFileBlocks(csums, r.start, 1, SECTOR);
    const whole = [BASE, BASE + 800 * SECTOR] as const;
    const expected = lookupCsumsRange(csums, ...whole, SECTOR);
    expect(expected).toHaveLength(400);

    copyCsums(csums, log, ranges, SECTOR, host.cpu);
    expect(lookupCsumsRange(log, ...whole, SECTOR)).toEqual(expected);
    const items = checkTree(log);

    copyCsums(csums, log, ranges, SECTOR, host.cpu);
    expect(checkTree(log)).toBe(items);
    expect(lookupCsumsRange(log, ...whole, SECTOR)).toEqual(expected);
  });

  it("copies only the part of a csum item that a range covers", () => {
    const host = new FakeHost();
    const csums = new BTree(host, OBJECTID.CSUM_TREE);
    const log = new BTree(host, OBJECTID.TREE_LOG);
    csumFileBlocks(csums, BASE, 16, SECTOR);
    copyCsums(csums, log, [{ start: BASE + 4 * SECTOR, end: BASE + 6 * SECTOR }], SECTOR, host.cpu);
    expect(lookupCsumsRange(log, BASE, BASE + 16 * SECTOR, SECTOR)).toEqual([{ bytenr: BASE + 4 * SECTOR, sectors: 2 }]);
  });
});
