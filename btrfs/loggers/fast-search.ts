// btrfs_log_inode after the patch, shared by its two loggers: with NEEDS_FULL_SYNC (tested and
// cleared) the full copy; otherwise the fast path (fast_search): drop only the inode item, refs and
// xattrs from the log and copy those again from the fs leaves changed in this transaction, then log
// the extent maps on the inode's modified_extents list newer than the last commit
// (btrfs_log_changed_extents), which each logger does in its own way: the patch as committed
// (5dc562c) or as Linux 3.7 shipped it (4e2f84e).
import { KEY_TYPE } from "../ctree/key.ts";
import { updateDelayedInode } from "../delayed-inode.ts";
import type { ExtentMap } from "../extent-map.ts";
import type { FsInfo } from "../fs-info.ts";
import type { BtrfsInode } from "../inode.ts";
import { addLogTree, copyChangedLeaves, dropObjectidItems } from "../tree-log.ts";
import { logInodeFull } from "./full-sync.ts";
import type { LogResult } from "./logger.ts";

/** The full commit btrfs_log_inode falls back to when it cannot log (its error becomes ret > 0 for btrfs_sync_file). */
export type FullCommit = Extract<LogResult, { kind: "full-commit" }>;

/** What btrfs_log_changed_extents logged: the extent maps, and the items they copied into the log. */
export interface ChangedExtents {
  readonly kind: "logged";
  readonly extentsLogged: number;
  readonly itemsCopied: number;
}

/** A logger's btrfs_log_changed_extents. */
export type LogChangedExtents = (fs: FsInfo, inode: BtrfsInode) => ChangedExtents | FullCommit;

/**
 * btrfs_log_inode(LOG_INODE_ALL): with NEEDS_FULL_SYNC the full copy (whose end empties the
 * modified list if `slowPathEmptiesList`, as 3.7's does); else fast_search, the inode item, refs
 * and xattrs re-logged and the changed extents by `logChangedExtents`, after which the inode is
 * logged in this transaction.
 */
export function logInodeWithFastSearch(fs: FsInfo, inode: BtrfsInode, logChangedExtents: LogChangedExtents, slowPathEmptiesList: boolean): LogResult {
  if (inode.needsFullSync) {
    inode.needsFullSync = false;
    if (slowPathEmptiesList) inode.extentMaps.modified.clear();
    return logInodeFull(fs, inode);
  }
  updateDelayedInode(fs, inode);
  const log = addLogTree(fs).logTree;
  dropObjectidItems(log, inode.ino, KEY_TYPE.XATTR_ITEM);
  const itemsCopied = copyChangedLeaves(fs, log, inode, KEY_TYPE.XATTR_ITEM);
  const extents = logChangedExtents(fs, inode);
  if (extents.kind === "full-commit") return extents;
  inode.loggedTrans = fs.transid;
  return { kind: "log-synced", path: "fast", itemsCopied: itemsCopied + extents.itemsCopied, extentsLogged: extents.extentsLogged };
}

/** btrfs_log_changed_extents' first step: every map taken off the inode's modified_extents list (list_del_init). */
export function takeModifiedExtents(fs: FsInfo, inode: BtrfsInode): ExtentMap[] {
  const listed = [...inode.extentMaps.modified];
  inode.extentMaps.modified.clear();
  fs.cpu.charge("extentMapOp", listed.length);
  return listed;
}

/** The maps of `listed` to log: those newer than the last commit, in order of their start (list_sort with extent_cmp). */
export function newerByStart(fs: FsInfo, listed: readonly ExtentMap[]): ExtentMap[] {
  return listed.filter((em) => em.generation > fs.lastTransCommitted).sort((a, b) => a.start - b.start);
}
