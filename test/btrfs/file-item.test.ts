// Checksum items: csumFileBlocks records sector runs, lookupCsumsRange reads them back, and
// copyCsums copies the checksums of a batch of disk ranges from the csum tree into a log tree,
// once (a second copy of ranges the log already covers inserts nothing).
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { BTree } from "../../btrfs/ctree/btree.ts";
import type { CsumData, Item } from "../../btrfs/ctree/items.ts";
import { KEY_TYPE, OBJECTID, type Key } from "../../btrfs/ctree/key.ts";
import { isLeaf, type Leaf } from "../../btrfs/ctree/tree-block.ts";
import type { CpuMeter } from "../../btrfs/cpu/index.ts";
import { copyCsums, csumFileBlocks, csumKey, lookupCsumsRange, type DiskRange } from "../../btrfs/file-item.ts";
import { FakeHost, checkTree } from "./ctree/fake-host.ts";

const SECTOR = 4096;
const BASE = 2 ** 32; // disk addresses above 4 GiB, as on a real device

type CsumItem = Item & { data: CsumData };
const isCsum = (it: Item | undefined): it is CsumItem => it !== undefined && it.key.objectid === OBJECTID.EXTENT_CSUM && it.key.type === KEY_TYPE.EXTENT_CSUM;
const endOf = (it: CsumItem): number => it.key.offset + it.data.sectors * SECTOR;

/**
 * copyCsums as the kernel steps through it, one run at a time: every csum item overlapping a range,
 * clipped to it, is looked up in the log; a run inside one log item costs a log search (and the
 * first such run in each log leaf COWs it), any other run is inserted. The model copyCsums must
 * match in charges, COW order and inserts.
 */
function copyCsumsRunByRun(csums: BTree, log: BTree, ranges: readonly DiskRange[], cpu: CpuMeter): void {
  const runs: Array<[number, number]> = [];
  for (const r of ranges) {
    cpu.charge("csumLookup");
    cpu.charge("btreeSearchLevel", csums.height);
    const c = csums.cursorAtOrBefore(csumKey(r.start));
    for (let it = c.item; isCsum(it) && endOf(it) <= r.start; it = c.item) c.next();
    for (let it = c.item; isCsum(it) && it.key.offset < r.end; it = c.item) {
      runs.push([Math.max(r.start, it.key.offset), Math.min(r.end, endOf(it))]);
      c.next();
    }
  }
  const toCow: Key[] = [];
  const toInsert: Array<[number, number]> = [];
  let lastLeaf: Leaf | undefined;
  for (const [a, b] of runs) {
    const c = log.cursorAtOrBefore(csumKey(a));
    for (let it = c.item; isCsum(it) && endOf(it) <= a; it = c.item) c.next();
    const it = c.item;
    if (isCsum(it) && it.key.offset <= a && endOf(it) >= b) {
      cpu.charge("btreeSearchLevel", log.height);
      if (c.leaf !== lastLeaf) {
        toCow.push(it.key);
        lastLeaf = c.leaf;
      }
    } else toInsert.push([a, b]);
  }
  for (const k of toCow) log.search(k, { cow: true, charge: false, copy: true });
  for (const [a, b] of toInsert) csumFileBlocks(log, a, (b - a) / SECTOR, SECTOR);
}

/** Every block of a tree: address, generation and (leaves) items, in tree order. */
function snapshot(tree: BTree): unknown[] {
  const out: unknown[] = [];
  const walk = (b: typeof tree.root): void => {
    out.push([b.bytenr, b.generation, b.written, isLeaf(b) ? b.items.map((it) => [it.key.offset, (it.data as CsumData).sectors]) : b.children.length]);
    if (!isLeaf(b)) for (const c of b.children) walk(c);
  };
  walk(tree.root);
  return out;
}

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

  it("charges, COWs and inserts exactly what a run-by-run copy does, on random trees and logs", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rng = seedrandom(String(seed));
      const int = (n: number): number => Math.floor(rng() * n);
      // The csum tree: runs of 1-40 sectors with gaps of 0-3 (0: contiguous, merged or not).
      const host = new FakeHost();
      const csums = new BTree(host, OBJECTID.CSUM_TREE);
      let at = BASE;
      const span: Array<[number, number]> = [];
      for (let i = 0; i < 300; i++) {
        at += int(4) * SECTOR;
        const len = 1 + int(40);
        csumFileBlocks(csums, at, len, SECTOR);
        span.push([at, at + len * SECTOR]);
        at += len * SECTOR;
      }
      // Two identical logs holding a random part of it, already written (a log synced before).
      const logs = [new FakeHost(), new FakeHost()].map((h) => {
        h.next = 1 << 30;
        const log = new BTree(h, OBJECTID.TREE_LOG);
        const r2 = seedrandom(`log ${seed}`);
        for (const [s, e] of span) {
          if (r2() < 0.6) continue;
          const from = s + Math.floor((r2() * (e - s)) / SECTOR) * SECTOR;
          csumFileBlocks(log, from, (e - from) / SECTOR, SECTOR);
        }
        for (const b of log.blocks()) b.written = true;
        log.dirty.clear();
        h.transid = 2;
        return { host: h, log };
      });
      // Sorted, disjoint ranges, some a few sectors (several inside one csum item), some hundreds,
      // some touching the one before (an item may straddle the two).
      const ranges: DiskRange[] = [];
      for (let p = BASE + int(20) * SECTOR; p < at && ranges.length < 40; ) {
        const len = (1 + int(rng() < 0.5 ? 8 : 300)) * SECTOR;
        ranges.push({ start: p, end: p + len });
        p += len + (rng() < 0.3 ? 0 : int(200) * SECTOR);
      }
      const [model, reference] = logs as [(typeof logs)[0], (typeof logs)[0]];
      copyCsums(csums, model.log, ranges, SECTOR, model.host.cpu);
      copyCsumsRunByRun(csums, reference.log, ranges, reference.host.cpu);
      expect(model.host.cpu.take(), `seed ${seed}`).toBe(reference.host.cpu.take());
      expect(model.host.cpu.counts, `seed ${seed}`).toEqual(reference.host.cpu.counts);
      expect(snapshot(model.log), `seed ${seed}`).toEqual(snapshot(reference.log));
      expect(model.host.freed, `seed ${seed}`).toEqual(reference.host.freed);
    }
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
