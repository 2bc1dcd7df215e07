// The fsync logger plug point: what btrfs_log_inode_parent does for one inode, as the four
// variants the simulator compares. A logger fills the log synchronously (its tree work is charged
// to the CPU meter) and says what btrfs_sync_file should do next.
import type { LoggerSpec } from "../../fs/index.ts";
import type { BtrfsInode } from "../inode.ts";
import type { FsInfo } from "../fs-info.ts";

/** The result of logging, matching the three branches of btrfs_sync_file. */
export type LogResult =
  /** The log holds the inode: sync it (btrfs_sync_log). `full` if everything was copied. */
  | { readonly kind: "log-synced"; readonly path: "fast" | "full"; readonly itemsCopied: number; readonly extentsLogged: number }
  /** Logging is not possible or not wanted: commit the transaction instead (ret > 0). */
  | { readonly kind: "full-commit"; readonly reason: string }
  /** Nothing to write (BTRFS_NO_LOG_SYNC). */
  | { readonly kind: "no-log-sync" };

export interface FsyncLogger extends LoggerSpec {
  /** The logger writes into the tree log (so btrfs_sync_file joins the log as a writer first). */
  readonly usesLog: boolean;
  /** Logs `inode` into the running transaction's log tree. */
  logInode(fs: FsInfo, inode: BtrfsInode): LogResult;
}
