// Reads (page cache, readahead, holes and prealloc space read without I/O) and O_DIRECT writes
// (data to the device before write(2) returns, the ordered extent completed by the endio worker,
// which the next fsync waits for).
import { describe, expect, it } from "vitest";
import { KEY_TYPE } from "../../btrfs/ctree/key.ts";
import { extentsKiB, inodeItems, mount } from "./harness.ts";

const K = 1024;
const ctx = { pid: 1 };
const file = { index: 0, name: "t.0.0" };

describe("buffered reads", () => {
  it("read unwritten prealloc space as zeros without I/O", () => {
    const m = mount({ sizeBytes: 1024 * K });
    m.run(m.fsys.read(ctx, file, 0, 64 * K, { direct: false }));
    expect(m.bdev.stats.deviceReads).toBe(0);
  });

  it("hit the page cache for written data, and go to the device once the cache is dropped", () => {
    const m = mount({ sizeBytes: 1024 * K });
    m.write(0, 64 * K);
    m.fsync();
    m.run(m.fsys.read(ctx, file, 0, 64 * K, { direct: false }));
    expect(m.bdev.stats.deviceReads).toBe(0);
    m.fsys.inode().cache.dropRange(0);
    m.run(m.fsys.read(ctx, file, 8 * K, 4 * K, { direct: false }));
    expect(m.bdev.stats.deviceReads).toBe(1);
    expect(m.bdev.stats.bytesRead).toBe(4 * K);
  });

  it("read ahead up to 128 KiB when reads are sequential", () => {
    const m = mount({ sizeBytes: 1024 * K });
    m.write(0, 512 * K);
    m.fsync();
    m.fsys.inode().cache.dropRange(0);
    for (let at = 0; at < 256 * K; at += 4 * K) m.run(m.fsys.read(ctx, file, at, 4 * K, { direct: false }));
    // The first read is not known to be sequential; after it, each miss brings in a 128 KiB window.
    expect(m.bdev.stats.bytesRead).toBe(256 * K + 4 * K);
    expect(m.bdev.stats.deviceReads).toBeLessThanOrEqual(4);
  });
});

describe("O_DIRECT", () => {
  it("writes the data before write(2) returns and completes the ordered extent in the worker", () => {
    const m = mount({ sizeBytes: 1024 * K });
    const before = m.bdev.stats.bytesWritten;
    m.run(m.fsys.write(ctx, file, 64 * K, 16 * K, { direct: true }));
    expect(m.bdev.stats.bytesWritten - before).toBe(16 * K);
    expect(m.fsys.inode().dirtyPages.size).toBe(0);
    // run() steps the event loop until the write returns and the worker has run: the prealloc item is split.
    expect(extentsKiB(inodeItems(m.fsys.fs.fsTree))).toEqual([[0, 64, "prealloc"], [64, 80, "reg"], [80, 1024, "prealloc"]]);
    expect(m.fsync().path).toBe("full"); // first fsync of a new file
    m.run(m.fsys.write(ctx, file, 128 * K, 4 * K, { direct: true }));
    const report = m.fsync();
    expect(report.path).toBe("fast");
    expect(report.logItemsCopied).toBeGreaterThan(0);
  });

  it("drops cached pages of the range and writes back dirty ones first", () => {
    const m = mount({ sizeBytes: 1024 * K });
    m.write(0, 8 * K);
    expect(m.fsys.inode().dirtyPages.size).toBe(2);
    m.run(m.fsys.write(ctx, file, 0, 8 * K, { direct: true }));
    expect(m.fsys.inode().dirtyPages.size).toBe(0);
    expect(m.fsys.inode().cache.has(0)).toBe(false);
  });

  it("reads from the device even when the data was just written", () => {
    const m = mount({ sizeBytes: 1024 * K });
    m.run(m.fsys.write(ctx, file, 0, 8 * K, { direct: true }));
    m.fsync();
    m.run(m.fsys.read(ctx, file, 0, 8 * K, { direct: true }));
    expect(m.bdev.stats.bytesRead).toBe(8 * K);
    expect(inodeItems(m.fsys.fs.fsTree).some((i) => i.key.type === KEY_TYPE.EXTENT_DATA)).toBe(true);
  });
});
