// File extent items as writes change them (btrfs_mark_extent_written for prealloc space,
// __btrfs_drop_extents + insert for COW), observed in the fs tree after each fsync.
import { describe, expect, it } from "vitest";
import { KEY_TYPE, key } from "../../btrfs/ctree/key.ts";
import type { ExtentItemData, FileExtentData } from "../../btrfs/ctree/items.ts";
import { extentsKiB, inodeItems, mount } from "./harness.ts";

const K = 1024;

describe("writes into prealloc space (btrfs_mark_extent_written)", () => {
  const m = mount({ sizeBytes: 64 * K, fallocate: "posix" });
  const extents = (): Array<[number, number, string]> => extentsKiB(inodeItems(m.fsys.fs.fsTree));
  const step = (offsetKiB: number, lengthKiB = 4): Array<[number, number, string]> => {
    m.write(offsetKiB * K, lengthKiB * K);
    m.fsync();
    return extents();
  };

  it("starts as one prealloc item over the whole file", () => {
    expect(extents()).toEqual([[0, 64, "prealloc"]]);
  });

  it("splits the prealloc item in three around a write in its middle", () => {
    expect(step(16)).toEqual([[0, 16, "prealloc"], [16, 20, "reg"], [20, 64, "prealloc"]]);
  });

  it("merges a write next to a written range into its regular item", () => {
    expect(step(20)).toEqual([[0, 16, "prealloc"], [16, 24, "reg"], [24, 64, "prealloc"]]);
    expect(step(12)).toEqual([[0, 12, "prealloc"], [12, 24, "reg"], [24, 64, "prealloc"]]);
  });

  it("merges both neighbours when a write fills the gap between two written ranges", () => {
    expect(step(0)).toEqual([[0, 4, "reg"], [4, 12, "prealloc"], [12, 24, "reg"], [24, 64, "prealloc"]]);
    expect(step(4, 8)).toEqual([[0, 24, "reg"], [24, 64, "prealloc"]]);
  });

  it("stamps touched items with the running transaction and counts one extent reference per item", () => {
    const items = inodeItems(m.fsys.fs.fsTree).filter((i) => i.key.type === KEY_TYPE.EXTENT_DATA);
    expect(items.every((i) => (i.data as FileExtentData).generation === m.fsys.trans.generation)).toBe(true);
    expect(new Set(items.map((i) => (i.data as FileExtentData).diskBytenr)).size).toBe(1);
    m.commit();
    const disk = (items[0]!.data as FileExtentData).diskBytenr;
    const extentItem = m.fsys.fs.extentTree.lookup(key(disk, KEY_TYPE.EXTENT_ITEM, 64 * K));
    expect((extentItem?.data as ExtentItemData).refs).toBe(2);
    expect(m.fsys.inode().extentItems).toBe(2);
  });
});

describe("copy-on-write writes (fallocate=none: __btrfs_drop_extents, then a new item)", () => {
  const m = mount({ sizeBytes: 64 * K, fallocate: "none" });
  const extents = (): Array<[number, number, string]> => extentsKiB(inodeItems(m.fsys.fs.fsTree));
  const step = (offsetKiB: number, lengthKiB = 4): Array<[number, number, string]> => {
    m.write(offsetKiB * K, lengthKiB * K);
    m.fsync();
    return extents();
  };

  it("extends an empty file with a hole before a write past its end (btrfs_cont_expand)", () => {
    expect(extents()).toEqual([]);
    expect(step(16)).toEqual([[0, 16, "hole"], [16, 20, "reg"]]);
  });

  it("splits a hole around a write, and never merges regular items of separate extents", () => {
    expect(step(4)).toEqual([[0, 4, "hole"], [4, 8, "reg"], [8, 16, "hole"], [16, 20, "reg"]]);
    expect(step(8, 8)).toEqual([[0, 4, "hole"], [4, 8, "reg"], [8, 16, "reg"], [16, 20, "reg"]]);
  });

  it("gives a rewrite a new extent and frees the old one at commit", () => {
    const item = (): FileExtentData => inodeItems(m.fsys.fs.fsTree).find((i) => i.key.offset === 16 * K)!.data as FileExtentData;
    const before = item().diskBytenr;
    m.commit();
    expect(m.fsys.fs.extentTree.lookup(key(before, KEY_TYPE.EXTENT_ITEM, 4 * K))).toBeDefined();
    expect(step(16)).toEqual([[0, 4, "hole"], [4, 8, "reg"], [8, 16, "reg"], [16, 20, "reg"]]);
    expect(item().diskBytenr).not.toBe(before);
    m.commit();
    expect(m.fsys.fs.extentTree.lookup(key(before, KEY_TYPE.EXTENT_ITEM, 4 * K))).toBeUndefined();
  });
});
