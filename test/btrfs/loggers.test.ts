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

describe("full-commit (mount -o notreelog)", () => {
  const { m, paths } = scenario("full-commit");
  it("commits the transaction for every fsync and keeps no log", () => {
    expect(paths).toEqual(["commit", "commit", "commit"]);
    expect(m.fsys.fs.log).toBeUndefined();
    expect(m.fsys.fs.lastTransCommitted).toBe(m.fsys.trans.generation);
    expect(m.fsys.fs.stats.commits).toBe(4);
  });
});
