// The logger before the patch (Linux 3.4-3.6 btrfs_log_inode for a regular file): every fsync
// truncates all of the inode's items in the log and copies every item of the inode from the leaves
// changed in this transaction. The cost grows with the leaves the transaction has touched, so it
// grows through each 30-second transaction and drops after each commit.
import type { FsInfo } from "../fs-info.ts";
import type { BtrfsInode } from "../inode.ts";
import { logInodeFull } from "./full-sync.ts";
import type { FsyncLogger, LogResult } from "./logger.ts";

export const truncateAndCopy: FsyncLogger = {
  name: "truncate-and-copy",
  label: "before the patch",
  color: "#e45756",
  usesLog: true,
  summary: "before the patch: truncate the inode's items in the log, copy every item of its changed leaves",
  logInode(fs: FsInfo, inode: BtrfsInode): LogResult {
    inode.needsFullSync = false;
    // The pre-patch kernel kept no list of modified extent maps; drop what the shared code queued.
    inode.extentMaps.modified.clear();
    return logInodeFull(fs, inode);
  },
};
