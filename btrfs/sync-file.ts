// btrfs_sync_file (fs/btrfs/file.c, 3.7 with the patch):
//   1. btrfs_wait_ordered_range: write the dirty data, wait for it and its ordered extents
//      (optionally the one-jiffy sleep and rescan of older kernels, a CPU-model parameter);
//   2. nothing to do if the inode has not changed since the last commit, or is already in the log
//      (logged_trans is this generation and last_sub_trans <= last_log_commit);
//   3. join the transaction and log the inode with the configured logger;
//   4. sync the log (btrfs_sync_log), or commit the transaction if the logger asked for it.
// Steps 1-3 hold the inode's i_mutex; the sync (4) does not, so processes syncing one file batch
// in btrfs_sync_log like processes syncing different files.
import type { Proc } from "../sim/index.ts";
import type { FsyncPath } from "../fs/filesystem.ts";
import type { FsInfo } from "./fs-info.ts";
import type { BtrfsInode } from "./inode.ts";
import type { FsyncLogger } from "./loggers/index.ts";
import type { OpTimer } from "./op-timer.ts";
import { waitOrderedRange } from "./ordered-data.ts";
import type { TransactionManager } from "./transaction.ts";
import { endLogTrans, startLogTrans, syncLog } from "./tree-log.ts";

/** What one fsync did (style guide P7: the three branches of btrfs_sync_file, plus "nothing"). */
export type FsyncOutcome =
  | { readonly kind: "nothing-to-sync" }
  | { readonly kind: "no-log-sync" }
  | { readonly kind: "full-commit"; readonly reason: string }
  | { readonly kind: "log-synced"; readonly path: "fast" | "full"; readonly itemsCopied: number; readonly extentsLogged: number };

export function fsyncPath(outcome: FsyncOutcome): FsyncPath {
  switch (outcome.kind) {
    case "log-synced":
      return outcome.path;
    case "full-commit":
      return "commit";
    default:
      return "none";
  }
}

/** btrfs_sync_file for process `pid` (the log notes which processes join it). */
export function* syncFile(fs: FsInfo, trans: TransactionManager, logger: FsyncLogger, inode: BtrfsInode, op: OpTimer, pid: number): Proc<FsyncOutcome> {
  fs.cpu.charge("fsyncFixed");
  // i_mutex from the ordered wait until the inode is in the log (3.x takes it after
  // filemap_write_and_wait_range, which the model folds into the ordered wait).
  if (!inode.iMutex.tryLock()) yield* op.wait("contention", inode.iMutex.lock());
  // atomic_inc(&root->log_batch) around the ordered wait: a sync batching other processes waits for this one.
  fs.logControl.batch++;
  const ordered = yield* waitOrderedRange(fs, trans, inode, op);
  fs.logControl.batch++;
  if (ordered > 0 && fs.cpu.params.orderedWaitSleep) yield* op.wait("dataIo", fs.env.timeout(fs.cpu.jiffyNs));
  const generation = trans.generation;
  const inLog = inode.loggedTrans === generation && inode.lastSubTrans <= fs.lastLogCommit;
  if (inode.lastTrans <= fs.lastTransCommitted || inLog) {
    inode.needsFullSync = false;
    yield* op.cpu();
    inode.iMutex.unlock();
    return { kind: "nothing-to-sync" };
  }
  const handle = yield* trans.join(op);
  // btrfs_log_dentry_safe: start_log_trans ... btrfs_end_log_trans around the logging work.
  const log = logger.usesLog ? startLogTrans(fs, pid) : undefined;
  const result = logger.logInode(fs, inode);
  if (log !== undefined) {
    yield* op.cpu();
    endLogTrans(log);
  }
  // The log holds a consistent copy of the inode: others may change or log it while this one syncs.
  inode.iMutex.unlock();
  switch (result.kind) {
    case "full-commit":
      yield* op.as("commit", trans.commit(handle, op));
      return result;
    case "no-log-sync":
      trans.end(handle);
      yield* op.cpu();
      return result;
    case "log-synced":
      yield* syncLog(fs, op);
      trans.end(handle);
      return result;
  }
}
