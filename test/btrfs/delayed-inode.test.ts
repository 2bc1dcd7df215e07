// The delayed inode (btrfs/delayed-inode.ts): the in-memory inode reaches its INODE_ITEM in the fs
// tree when its delayed items run (btrfs_update_delayed_inode), and only if it changed.
import { describe, expect, it } from "vitest";
import type { InodeItemData } from "../../btrfs/ctree/items.ts";
import { KEY_TYPE, key } from "../../btrfs/ctree/key.ts";
import { updateDelayedInode } from "../../btrfs/delayed-inode.ts";
import { FILE_INO, mount } from "./harness.ts";

describe("btrfs_update_delayed_inode", () => {
  it("writes a changed inode's size into its item, and leaves the tree alone when nothing changed", () => {
    const m = mount({ sizeBytes: 0, fallocate: "none" });
    const fs = m.fsys.fs;
    const inode = m.fsys.inode(0);
    const sizeInTree = (): number => (fs.fsTree.lookup(key(FILE_INO, KEY_TYPE.INODE_ITEM, 0))?.data as InodeItemData).sizeBytes;
    m.write(0, 8192);
    expect(inode.inodeItemDirty).toBe(true);
    expect(sizeInTree()).toBe(0);
    m.inTransaction(() => updateDelayedInode(fs, inode));
    expect(sizeInTree()).toBe(8192);
    expect(inode.inodeItemDirty).toBe(false);
    const item = fs.fsTree.lookup(key(FILE_INO, KEY_TYPE.INODE_ITEM, 0));
    m.inTransaction(() => updateDelayedInode(fs, inode));
    expect(fs.fsTree.lookup(key(FILE_INO, KEY_TYPE.INODE_ITEM, 0))).toBe(item);
  });
});
