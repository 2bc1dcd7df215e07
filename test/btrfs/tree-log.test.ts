// The tree log's shared machinery (btrfs/tree-log.ts): joining the log (start_log_trans and
// btrfs_end_log_trans), creating its trees once per transaction (btrfs_add_log_tree), and dropping
// an inode's items up to a key type before they are copied again (drop_objectid_items).
import { describe, expect, it } from "vitest";
import { BTree } from "../../btrfs/ctree/btree.ts";
import { fileExtentItem, inodeItem, inodeRefItem, type Item } from "../../btrfs/ctree/items.ts";
import { KEY_TYPE, MAX_OFFSET, OBJECTID, key } from "../../btrfs/ctree/key.ts";
import { addLogTree, dropObjectidItems, endLogTrans, startLogTrans } from "../../btrfs/tree-log.ts";
import { FakeHost } from "./ctree/fake-host.ts";
import { mount } from "./harness.ts";

/** An inode's item, ref and `extents` extent items. */
function inodeWithExtents(ino: number, extents: number): Item[] {
  return [
    inodeItem(key(ino, KEY_TYPE.INODE_ITEM, 0), { generation: 1, transid: 1, sizeBytes: extents * 4096 }),
    inodeRefItem(key(ino, KEY_TYPE.INODE_REF, 256), 5),
    ...Array.from({ length: extents }, (_, i) =>
      fileExtentItem(key(ino, KEY_TYPE.EXTENT_DATA, i * 4096), { extentType: "reg", generation: 1, diskBytenr: 1e9 + i * 4096, diskNumBytes: 4096, offset: 0, numBytes: 4096 }),
    ),
  ];
}

describe("the tree log", () => {
  it("drops an inode's items up to a key type, keeping its others and other inodes' (drop_objectid_items)", () => {
    const log = new BTree(new FakeHost(), OBJECTID.TREE_LOG);
    for (const ino of [256, 257, 258]) for (const item of inodeWithExtents(ino, 120)) log.insertItems([item]);
    expect(dropObjectidItems(log, 257, KEY_TYPE.XATTR_ITEM)).toBe(2);
    const left = log.itemsInRange(key(257, 0, 0), key(257, KEY_TYPE.MAX, MAX_OFFSET));
    expect(left.map((it) => it.key.type)).toEqual(Array.from({ length: 120 }, () => KEY_TYPE.EXTENT_DATA));
    expect(dropObjectidItems(log, 257, KEY_TYPE.MAX)).toBe(120);
    expect(log.itemsInRange(key(257, 0, 0), key(257, KEY_TYPE.MAX, MAX_OFFSET))).toEqual([]);
    expect(log.itemsInRange(key(256, 0, 0), key(258, KEY_TYPE.MAX, MAX_OFFSET))).toHaveLength(2 * 122);
  });

  it("creates the log trees once per transaction (btrfs_add_log_tree), starting with nothing synced", () => {
    const m = mount();
    const fs = m.fsys.fs;
    m.commit();
    expect(fs.log).toBeUndefined();
    fs.lastLogCommit = 5;
    m.inTransaction(() => {
      const log = addLogTree(fs);
      expect(fs.log).toBe(log);
      expect(fs.lastLogCommit).toBe(0);
      expect(addLogTree(fs)).toBe(log);
    });
  });

  it("counts writers and notes a second process joining (start_log_trans, btrfs_end_log_trans)", () => {
    const m = mount();
    const fs = m.fsys.fs;
    m.inTransaction(() => addLogTree(fs));
    const batch = fs.logControl.batch;
    const ctl = startLogTrans(fs, 7);
    expect([ctl.writers, ctl.startPid, ctl.multiplePids]).toEqual([1, 7, false]);
    startLogTrans(fs, 7);
    expect(ctl.multiplePids).toBe(false);
    startLogTrans(fs, 8);
    expect([ctl.writers, ctl.batch - batch, ctl.multiplePids]).toEqual([3, 3, true]);
    for (let i = 0; i < 3; i++) endLogTrans(ctl);
    expect(ctl.writers).toBe(0);
  });
});
