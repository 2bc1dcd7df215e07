// mount -o notreelog: btrfs_log_inode_parent returns 1 for every fsync, and btrfs_sync_file
// commits the whole transaction instead of logging.
import type { FsyncLogger, LogResult } from "./logger.ts";

export const fullCommit: FsyncLogger = {
  name: "full-commit",
  label: "notreelog (full commit)",
  color: "#9d755d",
  usesLog: false,
  summary: "mount -o notreelog: every fsync commits the transaction",
  logInode(): LogResult {
    return { kind: "full-commit", reason: "notreelog" };
  },
};
