// Inode-level operations of the model (fs/btrfs/inode.c, file.c; 3.x): creating the job's file
// (btrfs_create: inode item, inode ref, dir item and dir index; NEEDS_FULL_SYNC on a new inode)
// and fallocating it (__btrfs_prealloc_file_range: prealloc items of at most 256 MiB each, extent
// maps flagged PREALLOC on the modified list); extending a file with a hole (btrfs_cont_expand);
// truncating it (btrfs_truncate: drop items past the new size, NEEDS_FULL_SYNC); deleting all of an
// inode's items from a tree, as btrfs_log_inode does to the log (btrfs_truncate_inode_items to
// size 0); and evicting the inode from memory and reading it back (btrfs_read_locked_inode).
import type { BTree } from "./ctree/btree.ts";
import { dirItem, inodeItem, inodeRefItem, type InodeItemData } from "./ctree/items.ts";
import { KEY_TYPE, MAX_OFFSET, key } from "./ctree/key.ts";
import { BLOCK_HOLE, EXTENT_FLAG } from "./extent-map.ts";
import { dropExtents, insertFileExtent, overlappingExtents } from "./file.ts";
import type { FsInfo } from "./fs-info.ts";
import { BtrfsInode } from "./inode.ts";

/**
 * btrfs_update_inode + btrfs_set_inode_last_trans: the inode changed in the running transaction
 * and log transaction, and its item is due for an update (delayed inode).
 */
export function markInodeChanged(fs: FsInfo, inode: BtrfsInode): void {
  inode.lastTrans = fs.transid;
  inode.lastSubTrans = fs.log?.logTransid ?? 0;
  inode.inodeItemDirty = true;
}

/** FNV-1a, standing in for btrfs_name_hash (crc32c) as the DIR_ITEM key offset. */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** btrfs_create: a new regular file `name` in directory `dir`. */
export function createFile(fs: FsInfo, dir: BtrfsInode, ino: number, name: string, dirIndex: number): BtrfsInode {
  const nameLen = Buffer.byteLength(name);
  const inode = new BtrfsInode(fs.env, fs.cpu, ino, dir.ino, nameLen, fs.transid);
  fs.fsTree.insertItems([
    inodeItem(key(ino, KEY_TYPE.INODE_ITEM, 0), { generation: fs.transid, transid: fs.transid, sizeBytes: 0 }),
    inodeRefItem(key(ino, KEY_TYPE.INODE_REF, dir.ino), nameLen),
  ]);
  fs.fsTree.insertItems([dirItem(key(dir.ino, KEY_TYPE.DIR_ITEM, nameHash(name)), ino, nameLen)]);
  fs.fsTree.insertItems([dirItem(key(dir.ino, KEY_TYPE.DIR_INDEX, dirIndex), ino, nameLen)]);
  dir.sizeBytes += 2 * nameLen;
  dir.inodeItemDirty = true;
  inode.lastTrans = fs.transid;
  inode.inodeItemDirty = false;
  return inode;
}

/** btrfs_fallocate (mode 0 or KEEP_SIZE) over [0, lengthBytes). */
export function fallocate(fs: FsInfo, inode: BtrfsInode, lengthBytes: number, keepSize: boolean): void {
  let at = 0;
  while (at < lengthBytes) {
    const want = Math.min(lengthBytes - at, fs.params.preallocMaxExtentBytes);
    const r = fs.volumes.allocData(want, fs.sectorBytes);
    insertFileExtent(fs.fsTree, fs.delayedRefs, inode.ino, at, {
      extentType: "prealloc", generation: fs.transid, diskBytenr: r.start, diskNumBytes: r.len, offset: 0, numBytes: r.len,
    });
    inode.extentItems += 1;
    inode.extentMaps.add({ start: at, len: r.len, blockStart: r.start, flags: EXTENT_FLAG.PREALLOC, generation: fs.transid }, true);
    at += r.len;
  }
  inode.prealloc = true;
  if (!keepSize) inode.sizeBytes = Math.max(inode.sizeBytes, lengthBytes);
  markInodeChanged(fs, inode);
}

/** btrfs_cont_expand: hole items over the parts of [fromBytes, toBytes) that have no extent item. */
export function contExpand(fs: FsInfo, inode: BtrfsInode, fromBytes: number, toBytes: number): void {
  const start = alignUp(fromBytes, fs.sectorBytes);
  const end = alignUp(toBytes, fs.sectorBytes);
  if (start >= end) return;
  let cursor = start;
  const hole = (a: number, b: number): void => {
    insertFileExtent(fs.fsTree, fs.delayedRefs, inode.ino, a, { extentType: "reg", generation: fs.transid, diskBytenr: 0, diskNumBytes: 0, offset: 0, numBytes: b - a });
    inode.extentItems += 1;
    inode.extentMaps.drop(a, b);
    inode.extentMaps.add({ start: a, len: b - a, blockStart: BLOCK_HOLE, flags: 0, generation: fs.transid }, true);
  };
  for (const item of overlappingExtents(fs.fsTree, inode.ino, start, end)) {
    if (item.key.offset > cursor) hole(cursor, item.key.offset);
    cursor = Math.max(cursor, item.key.offset + item.data.numBytes);
  }
  if (cursor < end) hole(cursor, end);
}

/** btrfs_setsize: shrinking truncates (btrfs_truncate, NEEDS_FULL_SYNC); growing adds a hole. */
export function setSize(fs: FsInfo, inode: BtrfsInode, newSize: number): void {
  if (newSize < inode.sizeBytes) {
    const cut = alignUp(newSize, fs.sectorBytes);
    for (const page of [...inode.dirtyPages]) if (page * fs.sectorBytes >= cut) inode.dirtyPages.delete(page);
    inode.cache.dropRange(cut / fs.sectorBytes);
    inode.extentItems += dropExtents(fs.fsTree, fs.delayedRefs, inode.ino, cut, Number.MAX_SAFE_INTEGER);
    inode.extentMaps.drop(cut, Number.MAX_SAFE_INTEGER);
    inode.needsFullSync = true;
  } else if (newSize > inode.sizeBytes) {
    contExpand(fs, inode, inode.sizeBytes, newSize);
  }
  inode.sizeBytes = newSize;
  markInodeChanged(fs, inode);
}

/**
 * btrfs_truncate_inode_items(root, inode, new_size 0, min_type 0), as btrfs_log_inode calls it on
 * the log: every item of inode `ino` in `root` deleted, from the last one back, one leaf at a time
 * (a search per leaf and a batched btrfs_del_items). Returns the count.
 */
export function truncateInodeItems(root: BTree, ino: number): number {
  return root.deleteRange(key(ino, 0, 0), key(ino, KEY_TYPE.MAX, MAX_OFFSET));
}

/**
 * The inode leaves memory (its extent maps and logging state with it) and is read back: if its
 * item was last changed by the running transaction, the next fsync must copy everything.
 */
export function evictAndReload(fs: FsInfo, inode: BtrfsInode, runningTransid: number): void {
  inode.extentMaps.clear();
  inode.loggedTrans = 0;
  inode.lastSubTrans = 0;
  const item = fs.fsTree.lookup(key(inode.ino, KEY_TYPE.INODE_ITEM, 0));
  const transid = (item?.data as InodeItemData | undefined)?.transid ?? 0;
  inode.lastTrans = transid;
  if (transid === runningTransid) inode.needsFullSync = true;
}

function alignUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}
