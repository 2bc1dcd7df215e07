// When the patched logger falls back to the full copy (NEEDS_FULL_SYNC): a new inode, a truncate,
// and an inode evicted and read back in the transaction that last changed it — once each.
import { describe, expect, it } from "vitest";
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

  it("reaches the truncate fallback from a workload (ioengine=ftruncate)", () => {
    const m = mount();
    m.write(0);
    m.fsync();
    m.truncate(4 * K);
    expect(m.fsync().path).toBe("full");
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
