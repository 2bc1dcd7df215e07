// The full copy shared by the pre-patch logger and the patch's NEEDS_FULL_SYNC fallback
// (btrfs_log_inode's slow path): delete all of the inode's items from the log
// (btrfs_truncate_inode_items on the log tree, down to size 0), then copy every item of the inode
// found in fs-tree leaves changed in this transaction, with the checksums of extents written in it.
import { KEY_TYPE, MAX_OFFSET, key } from "../ctree/key.ts";
import type { FsInfo } from "../fs-info.ts";
import type { BtrfsInode } from "../inode.ts";
import { copyChangedLeaves, flushInodeItem, startLogTrans } from "../tree-log.ts";
import type { LogResult } from "./logger.ts";

export function logInodeFull(fs: FsInfo, inode: BtrfsInode): LogResult {
  flushInodeItem(fs, inode);
  const log = startLogTrans(fs).logTree;
  log.deleteRange(key(inode.ino, 0, 0), key(inode.ino, KEY_TYPE.MAX, MAX_OFFSET));
  const itemsCopied = copyChangedLeaves(fs, log, inode, KEY_TYPE.MAX);
  inode.loggedTrans = fs.transid;
  return { kind: "log-synced", path: "full", itemsCopied, extentsLogged: 0 };
}
