// The full copy shared by the pre-patch logger and the patch's NEEDS_FULL_SYNC fallback
// (btrfs_log_inode's slow path): delete all of the inode's items from the log
// (btrfs_truncate_inode_items on the log tree, down to size 0), then copy every item of the inode
// found in fs-tree leaves changed in this transaction, with the checksums of extents written in it.
import { KEY_TYPE } from "../ctree/key.ts";
import { updateDelayedInode } from "../delayed-inode.ts";
import type { FsInfo } from "../fs-info.ts";
import type { BtrfsInode } from "../inode.ts";
import { truncateInodeItems } from "../inode-ops.ts";
import { addLogTree, copyChangedLeaves } from "../tree-log.ts";
import type { LogResult } from "./logger.ts";

/**
 * btrfs_log_inode(LOG_INODE_ALL) without fast_search: the inode's items in the log replaced by all
 * of its items in the fs leaves changed in this transaction.
 */
export function logInodeFull(fs: FsInfo, inode: BtrfsInode): LogResult {
  updateDelayedInode(fs, inode);
  const log = addLogTree(fs).logTree;
  truncateInodeItems(log, inode.ino);
  const itemsCopied = copyChangedLeaves(fs, log, inode, KEY_TYPE.MAX);
  inode.loggedTrans = fs.transid;
  return { kind: "log-synced", path: "full", itemsCopied, extentsLogged: 0 };
}
