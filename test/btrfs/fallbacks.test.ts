// When the patched logger falls back to the full copy (NEEDS_FULL_SYNC): a new inode, a truncate,
// and an inode evicted and read back in the transaction that last changed it — once each.
import { describe, expect, it } from "vitest";
import { runJob } from "../../run/index.ts";
import { JobStream, resolveJobs } from "../../workloads/index.ts";
import { mount } from "./harness.ts";

const K = 1024;

describe("NEEDS_FULL_SYNC fallbacks of the modified-extents logger", () => {
  it("copies everything on the first fsync of a new file", () => {
    const m = mount();
    m.write(0);
    expect(m.fsync().path).toBe("full");
    m.write(8 * K);
    expect(m.fsync().path).toBe("fast");
  });

  it("copies everything on the next fsync after a truncate, and only then", () => {
    const m = mount();
    m.write(0);
    m.fsync();
    m.commit();
    const paths: string[] = [];
    m.write(40 * K);
    paths.push(m.fsync().path);
    m.truncate(512 * K);
    m.write(80 * K);
    paths.push(m.fsync().path);
    m.write(120 * K);
    paths.push(m.fsync().path);
    expect(paths).toEqual(["fast", "full", "fast"]);
  });

  it("reaches the truncate fallback from a workload: an fio job with ioengine=ftruncate", () => {
    // fio's ftruncate engine truncates the file to each write unit's offset; here the sizes go
    // down (rw=write from a file laid out at 64 KiB would grow it), so use a shrinking sequence.
    const job = resolveJobs("[t]\nrw=randwrite\nioengine=ftruncate\nbs=4k\nsize=64k\nfsync=1\nnorandommap\nrandseed=3\n", "t.fio").jobs[0]!;
    const r = runJob({ jobs: [job], device: "null", fs: "btrfs", logger: "modified-extents", seed: 1, trace: true });
    const stream = new JobStream(job, [{ file: 0, regionStartBytes: 0, regionBytes: 64 * K }], "3");
    const ops: number[] = [];
    for (let op = stream.next(0); op !== undefined; op = stream.next(0)) if (op.kind === "truncate") ops.push(op.sizeBytes);
    // Each fsync follows one truncate; a shrinking one forces the full copy, a growing one does not
    // (the first fsync of the new file is full anyway).
    let size = 64 * K;
    const expected = ops.slice(0, -1).map((to, i) => {
      const path = i === 0 || to < size ? "full" : "fast";
      size = to;
      return path;
    });
    expect(r.trace!.map((t) => t.path)).toEqual(expected);
    expect(expected).toContain("full");
    expect(expected).toContain("fast");
  });

  it("copies everything once after the inode is evicted and read back in the same transaction", () => {
    const m = mount({ btrfs: { inodeEvictionEveryOps: "3" } });
    m.write(0);
    m.fsync();
    m.commit();
    const paths: string[] = [];
    for (let i = 1; i <= 6; i++) {
      m.write(i * 8 * K);
      paths.push(m.fsync().path);
    }
    expect(paths).toEqual(["fast", "fast", "full", "fast", "fast", "full"]);
  });

  it("does not need the full copy when nothing changed since the last commit", () => {
    const m = mount();
    m.write(0);
    m.fsync();
    m.commit();
    expect(m.fsync().path).toBe("none");
  });
});
