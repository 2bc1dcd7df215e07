// What each logger leaves in the log after a known sequence: the file was created and fallocated
// (1 MiB), fsynced once and committed; then block 10 (40 KiB) is written and fsynced, then block
// 20 (80 KiB). (Reference: docs/sources.md §B2.3 and §B2.4; the 5dc562c commit message.)
import { describe, expect, it } from "vitest";
import type { FileExtentData } from "../../btrfs/ctree/items.ts";
import { KEY_TYPE as KT } from "../../btrfs/ctree/key.ts";
import type { LoggerKind } from "../../btrfs/index.ts";
import { csumRuns, extentsKiB, inodeItems, mount, type Mounted } from "./harness.ts";

const K = 1024;

function scenario(logger: LoggerKind): { m: Mounted; paths: string[] } {
  const m = mount({ logger, sizeBytes: 1024 * K, fallocate: "posix" });
  m.write(0);
  const paths = [m.fsync().path];
  m.commit();
  m.write(40 * K);
  paths.push(m.fsync().path);
  m.write(80 * K);
  paths.push(m.fsync().path);
  return { m, paths };
}

/** Disk addresses of the file's written blocks, from the fs tree. */
function writtenDisk(m: Mounted): number[] {
  return inodeItems(m.fsys.fs.fsTree)
    .filter((i) => i.key.type === KT.EXTENT_DATA && (i.data as FileExtentData).extentType === "reg" && i.key.offset > 0)
    .map((i) => (i.data as FileExtentData).diskBytenr + (i.data as FileExtentData).offset);
}

describe("truncate-and-copy (before the patch)", () => {
  const { m, paths } = scenario("truncate-and-copy");
  const log = m.fsys.fs.log!.logTree;

  it("takes the full path every time", () => expect(paths).toEqual(["full", "full", "full"]));

  it("holds every item of the inode from the leaves changed in this transaction", () => {
    const types = inodeItems(log).map((i) => i.key.type);
    expect(types.slice(0, 2)).toEqual([KT.INODE_ITEM, KT.INODE_REF]);
    expect(extentsKiB(inodeItems(log))).toEqual([[0, 4, "reg"], [4, 40, "prealloc"], [40, 44, "reg"], [44, 80, "prealloc"], [80, 84, "reg"], [84, 1024, "prealloc"]]);
  });

  it("holds the checksums of the extents written in this transaction only", () => {
    expect(csumRuns(log)).toEqual(writtenDisk(m).map((d) => [d, 1]));
  });
});

describe("modified-extents (the patch)", () => {
  const { m, paths } = scenario("modified-extents");
  const log = m.fsys.fs.log!.logTree;

  it("copies everything once for the new inode, then takes the fast path", () => expect(paths).toEqual(["full", "fast", "fast"]));

  it("holds the inode item and ref and only the extents modified since the commit", () => {
    const types = inodeItems(log).map((i) => i.key.type);
    expect(types.slice(0, 2)).toEqual([KT.INODE_ITEM, KT.INODE_REF]);
    expect(extentsKiB(inodeItems(log))).toEqual([[40, 44, "reg"], [80, 84, "reg"]]);
    expect(csumRuns(log)).toEqual(writtenDisk(m).map((d) => [d, 1]));
  });

  it("replaces a logged extent that a later write in the same transaction merged with (log_one_extent's drop)", () => {
    m.write(44 * K);
    expect(m.fsync().path).toBe("fast");
    expect(extentsKiB(inodeItems(log))).toEqual([[40, 48, "reg"], [80, 84, "reg"]]);
  });

  it("logs the prealloc remainders too while the fallocate's transaction is still running", () => {
    const fresh = mount({ logger: "modified-extents", sizeBytes: 1024 * K, fallocate: "posix" });
    fresh.write(0);
    fresh.fsync();
    fresh.write(40 * K);
    expect(fresh.fsync().path).toBe("fast");
    const ext = extentsKiB(inodeItems(fresh.fsys.fs.log!.logTree));
    expect(ext).toContainEqual([4, 40, "prealloc"]);
    expect(ext).toContainEqual([44, 1024, "prealloc"]);
  });
});

describe("modified-range (Linux 3.7, 4e2f84e) beside modified-extents (5dc562c), for appends", () => {
  // An empty file (no preallocation) written with one block, fsynced and committed, then four 4 KiB
  // appends, each fsynced: every append is a new extent on disk right after the last, so the
  // extent maps merge into one growing map, the committed block's included. (Reference:
  // docs/sources.md §B2.8; the 4e2f84e commit message.)
  interface Append { extentsCopied: number; csumsLooked: number; map: [number, number]; mod: [number, number] }
  function appends(logger: LoggerKind): { m: Mounted; steps: Append[] } {
    const m = mount({ logger, fallocate: "none" });
    m.write(0);
    m.fsync();
    m.commit();
    const cpu = m.fsys.fs.cpu;
    const steps: Append[] = [];
    for (let block = 1; block <= 4; block++) {
      const copiedBefore = m.fsys.fs.stats.logItemsCopied;
      const csumsBefore = cpu.counts.csumLookup;
      m.write(block * 4 * K);
      expect(m.fsync().path).toBe("fast");
      const em = m.fsys.inode().extentMaps.lookup(block * 4 * K)!;
      steps.push({
        // logItemsCopied counts the inode item and ref as well, which both loggers copy again.
        extentsCopied: m.fsys.fs.stats.logItemsCopied - copiedBefore - 2,
        csumsLooked: cpu.counts.csumLookup - csumsBefore,
        map: [em.start / K, (em.start + em.len) / K],
        mod: [em.modStart / K, (em.modStart + em.modLen) / K],
      });
    }
    return { m, steps };
  }
  const range = appends("modified-range");
  const extents = appends("modified-extents");

  it("merges the blocks into one extent map, whose modified range is the last block appended", () => {
    expect(range.steps.map((s) => s.map)).toEqual([[0, 8], [0, 12], [0, 16], [0, 20]]);
    expect(range.steps.map((s) => s.mod)).toEqual([[4, 8], [8, 12], [12, 16], [16, 20]]);
    expect(extents.steps.map((s) => s.map)).toEqual(range.steps.map((s) => s.map));
  });

  it("modified-range copies only the appended block's item and looks up only its checksums", () => {
    expect(range.steps.map((s) => [s.extentsCopied, s.csumsLooked])).toEqual([[1, 1], [1, 1], [1, 1], [1, 1]]);
  });

  it("modified-extents re-logs the whole merged map: every item, the committed block's too, and the checksums of those written since the commit", () => {
    expect(extents.steps.map((s) => [s.extentsCopied, s.csumsLooked])).toEqual([[2, 1], [3, 2], [4, 3], [5, 4]]);
  });

  it("leaves in the log the appended blocks' items (modified-extents also the committed one's) and each appended block's checksum once", () => {
    const appended: Array<[number, number, string]> = [[4, 8, "reg"], [8, 12, "reg"], [12, 16, "reg"], [16, 20, "reg"]];
    expect(extentsKiB(inodeItems(range.m.fsys.fs.log!.logTree))).toEqual(appended);
    expect(extentsKiB(inodeItems(extents.m.fsys.fs.log!.logTree))).toEqual([[0, 4, "reg"], ...appended]);
    for (const { m } of [range, extents]) {
      const disk = inodeItems(m.fsys.fs.fsTree).filter((i) => i.key.type === KT.EXTENT_DATA && i.key.offset > 0).map((i) => (i.data as FileExtentData).diskBytenr);
      const runs = csumRuns(m.fsys.fs.log!.logTree);
      expect(runs.reduce((n, [, sectors]) => n + sectors, 0)).toBe(4);
      expect(runs[0]?.[0]).toBe(disk[0]);
    }
  });

  it("takes the full path for a new inode and empties the modified list there, as 3.7's slow path does", () => {
    const m = mount({ logger: "modified-range", fallocate: "none" });
    m.write(0);
    expect(m.fsync().path).toBe("full");
    expect(m.fsys.inode().extentMaps.modified.size).toBe(0);
  });
});

describe("full-commit (mount -o notreelog)", () => {
  const { m, paths } = scenario("full-commit");
  it("commits the transaction for every fsync and keeps no log", () => {
    expect(paths).toEqual(["commit", "commit", "commit"]);
    expect(m.fsys.fs.log).toBeUndefined();
    expect(m.fsys.fs.lastTransCommitted).toBe(m.fsys.trans.generation);
    expect(m.fsys.fs.stats.commits).toBe(4);
  });
});
