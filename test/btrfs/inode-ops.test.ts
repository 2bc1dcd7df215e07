// Inode operations on a tree (btrfs/inode-ops.ts): btrfs_truncate_inode_items to size 0, as
// btrfs_log_inode's full path calls it on the log, deletes every item of the inode and no other.
import { describe, expect, it } from "vitest";
import { BTree } from "../../btrfs/ctree/btree.ts";
import { fileExtentItem, inodeItem } from "../../btrfs/ctree/items.ts";
import { KEY_TYPE, MAX_OFFSET, OBJECTID, key } from "../../btrfs/ctree/key.ts";
import { truncateInodeItems } from "../../btrfs/inode-ops.ts";
import { FakeHost, checkTree } from "./ctree/fake-host.ts";

describe("btrfs_truncate_inode_items", () => {
  it("deletes every item of the inode, across leaves, and leaves its neighbours' alone", () => {
    const log = new BTree(new FakeHost(), OBJECTID.TREE_LOG);
    for (const ino of [256, 257, 258]) {
      log.insertItems([inodeItem(key(ino, KEY_TYPE.INODE_ITEM, 0), { generation: 1, transid: 1, sizeBytes: 0 })]);
      for (let i = 0; i < 150; i++) {
        log.insertItems([fileExtentItem(key(ino, KEY_TYPE.EXTENT_DATA, i * 4096), { extentType: "reg", generation: 1, diskBytenr: 0, diskNumBytes: 0, offset: 0, numBytes: 4096 })]);
      }
    }
    expect(truncateInodeItems(log, 257)).toBe(151);
    expect(log.itemsInRange(key(257, 0, 0), key(257, KEY_TYPE.MAX, MAX_OFFSET))).toEqual([]);
    expect(checkTree(log)).toBe(2 * 151);
    expect(truncateInodeItems(log, 257)).toBe(0);
  });
});
