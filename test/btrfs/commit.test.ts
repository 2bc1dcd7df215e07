// Transactions: a commit writes the dirty trees and every superblock copy, frees the log and
// unpins space; the transaction kthread commits a transaction once it is 30 s old.
import { describe, expect, it } from "vitest";
import { REQ, type Bio } from "../../block/index.ts";
import type { Proc } from "../../sim/index.ts";
import { inodeItems, mount } from "./harness.ts";

const K = 1024;

describe("transaction commit", () => {
  it("frees the log and its blocks, clears the superblock's log root, and starts the next log afresh", () => {
    const m = mount();
    m.write(0);
    m.fsync();
    for (let i = 1; i < 40; i++) {
      m.write(i * 8 * K);
      m.fsync();
    }
    const fs = m.fsys.fs;
    expect(fs.log).toBeDefined();
    expect(fs.superblock.logRootBytenr).not.toBe(0);
    const logBlocks = [...fs.log!.logTree.blocks(), ...fs.log!.logRootTree.blocks()].length;
    const metaFree = (): number => fs.volumes.groups.filter((g) => g.type === "metadata").reduce((s, g) => s + g.free.freeBytes, 0);
    const before = metaFree();
    const transid = m.fsys.trans.generation;
    m.commit();
    expect(fs.log).toBeUndefined();
    expect(fs.superblock.logRootBytenr).toBe(0);
    expect(fs.lastTransCommitted).toBe(transid);
    expect(metaFree() - before).toBeGreaterThanOrEqual(logBlocks * fs.nodesize - 64 * fs.nodesize);
    m.write(400 * K);
    expect(m.fsync().path).toBe("fast");
    expect(inodeItems(fs.log!.logTree).length).toBe(3); // inode item, ref, one extent
  });

  it("writes the dirty tree blocks, then an empty flush, then every superblock copy with FUA", () => {
    const m = mount();
    m.write(0);
    m.fsync();
    const bios: Bio[] = [];
    const submit = m.bdev.submit.bind(m.bdev);
    m.bdev.submit = (bio: Bio) => {
      bios.push(bio);
      return submit(bio);
    };
    m.commit();
    const supers = bios.filter((b) => (b.flags & REQ.FUA) !== 0);
    expect(supers.map((b) => b.startSector * 512)).toEqual([64 * K, 64 * K * K]); // 250 GiB null device: two copies fit
    const flushAt = bios.findIndex((b) => b.sectorCount === 0 && (b.flags & REQ.PREFLUSH) !== 0);
    expect(flushAt).toBeGreaterThan(0);
    expect(bios.slice(0, flushAt).every((b) => (b.flags & REQ.META) !== 0)).toBe(true);
    expect(bios.indexOf(supers[0]!)).toBeGreaterThan(flushAt);
  });

  it("is done by the transaction kthread once a transaction is 30 s old, checking every 5 s", () => {
    const m = mount();
    const commitSeconds: number[] = [];
    m.run(
      (function* (): Proc {
        for (let s = 1; s <= 70; s++) {
          const before = m.fsys.fs.stats.commits;
          yield m.env.timeout(1e9);
          if (m.fsys.fs.stats.commits > before) commitSeconds.push(s);
          yield* m.fsys.write({ pid: 1 }, { index: 0, name: "t.0.0" }, s * 4 * K, 4 * K, { direct: false });
        }
      })(),
    );
    // The layout's transaction starts at 0 s: its commit starts at the 30 s check and is done
    // within the second. The next starts with the write at 30 s and is 30 s old at the 60 s check.
    expect(commitSeconds).toEqual([31, 61]);
  });
});
