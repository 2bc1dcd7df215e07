// Linux 3.7's fast path: the patch (5dc562c) with Liu Bo's "Btrfs: improve fsync by filtering
// extents that we want" (4e2f84e) on top. Extent maps carry the range written last
// (mod_start/mod_len, extent-map.ts), and log_one_extent logs only that: it drops the log's items
// overlapping it, then copies just the fs-tree extent items that cover it, so copy_items logs only
// their checksums. Sequential appends merge into one growing map; the patch as committed re-logs
// the whole map and all its checksums at every sync, this logs the one appended item. A write into
// prealloc space still logs the whole merged map (unpin_extent_cache widens its range), as does a
// merge with a newer map. btrfs_log_changed_extents batches the items of maps that follow each
// other into one copy_items (struct log_args). The 3.7 code has no cap on the number of maps.
// tree-log.c log_one_extent, btrfs_log_changed_extents and btrfs_log_inode, Linux 3.7 (docs/sources.md §B2.8).
import { KEY_TYPE, compareKeys } from "../ctree/key.ts";
import type { FileExtentData, Item } from "../ctree/items.ts";
import type { Leaf } from "../ctree/tree-block.ts";
import type { ExtentMap } from "../extent-map.ts";
import { dropExtents, extentKey } from "../file.ts";
import type { FsInfo } from "../fs-info.ts";
import type { BtrfsInode } from "../inode.ts";
import { copyItems } from "../tree-log.ts";
import { logInodeWithFastSearch, newerByStart, takeModifiedExtents, type ChangedExtents, type FullCommit } from "./fast-search.ts";
import type { FsyncLogger, LogResult } from "./logger.ts";

export const modifiedRange: FsyncLogger = {
  name: "modified-range",
  label: "Linux 3.7 (4e2f84e)",
  color: "#f58518",
  usesLog: true,
  summary: "Linux 3.7: as the patch, but log only each extent map's modified range (4e2f84e's mod_start/mod_len) and its checksums",
  /** btrfs_log_inode(LOG_INODE_ALL): fast_search unless NEEDS_FULL_SYNC is set, whose slow path empties the modified list (list_del_init). */
  logInode: (fs: FsInfo, inode: BtrfsInode): LogResult => logInodeWithFastSearch(fs, inode, logChangedExtents, true),
};

/**
 * struct log_args: the fs-tree leaf a batch of items is being gathered from (src), the batch
 * (start_slot, nr), the slot the walk continues at, and where the last item gathered ends
 * (next_offset).
 */
interface LogArgs {
  src: Leaf | undefined;
  startSlot: number;
  nr: number;
  slot: number;
  nextOffset: number;
}

/** A map whose items are not where expected (-ENOENT): the fsync commits the transaction instead. */
const noItemAt = (start: number): FullCommit => ({ kind: "full-commit", reason: `no file extent item at ${start} (-ENOENT)` });

/** A batch the log already holds a key of (-EEXIST from btrfs_insert_empty_items): a full commit too. */
const inLogAlready = (item: Item): FullCommit => ({ kind: "full-commit", reason: `file extent item at ${item.key.offset} already in the log (-EEXIST)` });

/**
 * btrfs_log_changed_extents (3.7): takes every map off the modified list and logs those newer than
 * the last commit in order of their start, each with log_one_extent. Items of consecutive maps
 * gather into one batch while a map's modified range starts where the last batch's items end and
 * the walk stays in one leaf; any other map first copies the batch gathered so far.
 */
function logChangedExtents(fs: FsInfo, inode: BtrfsInode): ChangedExtents | FullCommit {
  const changed = newerByStart(fs, takeModifiedExtents(fs, inode));
  const alreadyLogged = inode.loggedTrans === fs.transid;
  const args: LogArgs = { src: undefined, startSlot: 0, nr: 0, slot: 0, nextOffset: 0 };
  let itemsCopied = 0;
  for (const em of changed) {
    if (args.nr > 0 && em.modStart !== args.nextOffset) {
      const batch = copyBatch(fs, args);
      if (typeof batch !== "number") return batch;
      itemsCopied += batch;
    }
    const copied = logOneExtent(fs, inode, em, alreadyLogged, args);
    if (typeof copied !== "number") return copied;
    itemsCopied += copied;
  }
  const last = args.nr > 0 ? copyBatch(fs, args) : 0;
  if (typeof last !== "number") return last;
  return { kind: "logged", extentsLogged: changed.length, itemsCopied: itemsCopied + last };
}

/**
 * copy_items of the batch gathered in `args` (its source leaf's slots start_slot .. start_slot + nr);
 * empties it. The batch's first item may begin before the range the log's items were dropped
 * over; if the log still holds a key in the batch's span, the insert fails (-EEXIST). (The check
 * is the simulator's, uncharged: the kernel's failing insert finds it in its own search.)
 */
function copyBatch(fs: FsInfo, args: LogArgs): number | FullCommit {
  const items = (args.src as Leaf).items.slice(args.startSlot, args.startSlot + args.nr);
  args.nr = 0;
  const log = (fs.log as NonNullable<FsInfo["log"]>).logTree;
  const first = items[0] as Item;
  const present = log.cursor(first.key).item;
  if (present !== undefined && compareKeys(present.key, (items[items.length - 1] as Item).key) <= 0) return inLogAlready(present);
  return copyItems(fs, log, items);
}

/**
 * log_one_extent (3.7): if the inode was logged in this transaction, drops the log's items over
 * [mod_start, mod_start + mod_len) (__btrfs_drop_extents on the log); then gathers the fs tree's
 * extent items from the one holding mod_start on, taking each item's whole length off mod_len
 * (an item longer than what is left ends the walk), and copies each leaf's batch when the walk
 * leaves it. A read-only search finds the first item (and the next leaf's, once a leaf is used up)
 * unless a batch from the previous map continues in its leaf. Returns the items copied, or the
 * full commit an error leads to.
 */
function logOneExtent(fs: FsInfo, inode: BtrfsInode, em: ExtentMap, alreadyLogged: boolean, args: LogArgs): number | FullCommit {
  const log = (fs.log as NonNullable<FsInfo["log"]>).logTree;
  let len = em.modLen;
  let searchStart = em.modStart;
  if (alreadyLogged) dropExtents(log, undefined, inode.ino, searchStart, searchStart + len);
  let copied = 0;
  while (len > 0) {
    if (args.nr === 0 && !findExtentItem(fs, inode.ino, searchStart, args)) return noItemAt(searchStart);
    // next_slot:
    const leaf = args.src as Leaf;
    const slot = args.slot;
    const item = leaf.items[slot];
    // (3.7 copies whatever item is there; a map reaching past the file's items stops here instead.)
    if (item === undefined || item.key.objectid !== inode.ino || item.key.type !== KEY_TYPE.EXTENT_DATA) return noItemAt(searchStart);
    // The batch grows by the next slot (a batch always ends at the slot the walk is at).
    if (args.nr === 0) args.startSlot = slot;
    args.nr++;
    args.slot = slot + 1;
    const numBytes = (item.data as FileExtentData).numBytes;
    // An item longer than the range left (a merged prealloc item, say) ends the walk.
    len = len < numBytes ? 0 : len - numBytes;
    searchStart = item.key.offset + numBytes;
    args.nextOffset = searchStart;
    // The leaf used up: copy its batch; the next item needs a search.
    if (args.slot >= leaf.items.length) {
      const batch = copyBatch(fs, args);
      if (typeof batch !== "number") return batch;
      copied += batch;
    }
  }
  return copied;
}

/**
 * log_one_extent's btrfs_search_slot (read-only) for the extent item at `offset`, or else the one
 * before it if that one reaches past `offset`: points `args` at it. False (-ENOENT) if none does.
 */
function findExtentItem(fs: FsInfo, ino: number, offset: number, args: LogArgs): boolean {
  const path = fs.fsTree.search(extentKey(ino, offset));
  const leaf = path.nodes[0] as Leaf;
  let slot = path.slots[0] as number;
  if (!path.found) {
    // The inode item precedes its extent items, so an extent item of the inode is never at slot 0 unfound.
    if (slot === 0) return false;
    slot--;
    const prev = leaf.items[slot] as Item;
    if (prev.key.objectid !== ino || prev.key.type !== KEY_TYPE.EXTENT_DATA) return false;
    if (prev.key.offset + (prev.data as FileExtentData).numBytes <= offset) return false;
  }
  args.src = leaf;
  args.slot = slot;
  return true;
}
