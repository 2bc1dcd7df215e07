// The patch ("Btrfs: turbo charge fsync", 5dc562c btrfs_log_inode with fast_search): unless
// NEEDS_FULL_SYNC is set (new inode, truncate, inode read back in its transaction), drop only the
// inode item, refs and xattrs from the log and copy those again, then log just the extent maps on
// the inode's modified_extents list newer than the last commit (btrfs_log_changed_extents), sorted
// by start. Each is logged by log_one_extent: if the inode was already logged in this transaction,
// drop the overlapping items from the log first (__btrfs_drop_extents on the log tree), then copy
// the fs tree's items covering the map, with their checksums. A map grown by merges is logged
// whole: Linux 3.7's modified-range logger logs only the part written last.
import { extentMapEnd, type ExtentMap } from "../extent-map.ts";
import { dropExtents, overlappingExtents } from "../file.ts";
import type { FsInfo } from "../fs-info.ts";
import type { BtrfsInode } from "../inode.ts";
import { copyItems } from "../tree-log.ts";
import { logInodeWithFastSearch, newerByStart, takeModifiedExtents, type ChangedExtents, type FullCommit } from "./fast-search.ts";
import type { FsyncLogger, LogResult } from "./logger.ts";

/** btrfs_log_changed_extents gives up past this many maps ("an arbitrary number"), returning -EFBIG. */
export const MAX_LOGGED_EXTENTS = 32_768;

export const modifiedExtents: FsyncLogger = {
  name: "modified-extents",
  label: "the patch",
  color: "#4c78a8",
  usesLog: true,
  summary: "the patch: log only extents modified since the last commit; full copy when NEEDS_FULL_SYNC",
  /** btrfs_log_inode(LOG_INODE_ALL) with the patch's fast_search, unless NEEDS_FULL_SYNC is set (5dc562c leaves the list as it is then). */
  logInode: (fs: FsInfo, inode: BtrfsInode): LogResult => logInodeWithFastSearch(fs, inode, logChangedExtents, false),
};

/**
 * btrfs_log_changed_extents: takes every map off the inode's modified_extents list, and logs those
 * newer than the last commit, in order of their start (extent_cmp), each with log_one_extent. Past
 * MAX_LOGGED_EXTENTS maps it logs none (-EFBIG); a map whose items are not where expected stops it
 * (-ENOENT); either way the fsync commits the transaction instead.
 */
function logChangedExtents(fs: FsInfo, inode: BtrfsInode): ChangedExtents | FullCommit {
  const listed = takeModifiedExtents(fs, inode);
  if (listed.length > MAX_LOGGED_EXTENTS) return { kind: "full-commit", reason: `more than ${MAX_LOGGED_EXTENTS} modified extents (-EFBIG)` };
  const changed = newerByStart(fs, listed);
  const alreadyLogged = inode.loggedTrans === fs.transid;
  let itemsCopied = 0;
  for (const em of changed) {
    const copied = logOneExtent(fs, inode, em, alreadyLogged);
    if (copied === undefined) return { kind: "full-commit", reason: `no file extent item at ${em.start} (-ENOENT)` };
    itemsCopied += copied;
  }
  return { kind: "logged", extentsLogged: changed.length, itemsCopied };
}

/** log_one_extent: the fs tree's items for `em` into the log; undefined if they are not where expected. */
function logOneExtent(fs: FsInfo, inode: BtrfsInode, em: ExtentMap, alreadyLogged: boolean): number | undefined {
  const log = (fs.log as NonNullable<FsInfo["log"]>).logTree;
  if (alreadyLogged) dropExtents(log, undefined, inode.ino, em.start, extentMapEnd(em));
  const items = overlappingExtents(fs.fsTree, inode.ino, em.start, extentMapEnd(em));
  if (items[0]?.key.offset !== em.start) return undefined;
  return copyItems(fs, log, items);
}
