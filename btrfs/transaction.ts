// Transactions (fs/btrfs/transaction.c, 3.x): every change joins the running transaction; the
// transaction kthread commits it once it is 30 s old, checking every 5 s; an fsync may also commit
// (full-commit logger, or a fallback). btrfs_commit_transaction, as modelled:
//   1. block new joiners and wait for the other handles to end;
//   2. (critical section, CPU) flush delayed inode items, run delayed refs and update root items,
//      free the log trees (commit_fs_roots), take the dirty tree blocks;
//   3. unblock: a new transaction can start while this one is written out;
//   4. write the dirty tree blocks and wait, then write_ctree_super with every superblock copy,
//      holding tree_log_mutex from step 2 (a log sync's superblock write waits for it);
//   5. unpin the space freed in the transaction; last_trans_committed = transid.
import type { Event, Proc } from "../sim/index.ts";
import { barrierBio, submitAll, superblockBios, treeBlockBios } from "./disk-io.ts";
import { runDelayedRefsAndRoots } from "./extent-tree.ts";
import type { FsInfo } from "./fs-info.ts";
import type { OpTimer } from "./op-timer.ts";
import { freeLog } from "./tree-log.ts";

export class Transaction {
  readonly transid: number;
  readonly startNs: number;
  /** Open handles (btrfs_trans_handle) on this transaction. */
  writers = 0;
  /** New joiners wait while a commit is in its critical section. */
  blocked = false;
  inCommit = false;
  readonly unblocked: Event<undefined>;
  readonly committed: Event<undefined>;
  /** Set while a commit waits for the other handles to end. */
  writersGone: Event<undefined> | undefined;

  constructor(fs: FsInfo, transid: number) {
    this.transid = transid;
    this.startNs = fs.env.nowNs;
    this.unblocked = fs.env.event();
    this.committed = fs.env.event();
  }
}

export class TransactionManager {
  running: Transaction | undefined;
  /** The last transaction to start (fs_info->generation). */
  generation: number;
  private readonly fs: FsInfo;
  /** Work the filesystem does at the start of every commit (flushing delayed inode items). */
  private readonly beforeCommit: () => void;
  private previous: Transaction | undefined;
  private stopping = false;

  constructor(fs: FsInfo, generation: number, beforeCommit: () => void) {
    this.fs = fs;
    this.generation = generation;
    this.beforeCommit = beforeCommit;
  }

  /** start_transaction / join_transaction: a handle on the running transaction, starting one if needed. */
  *join(op: OpTimer): Proc<Transaction> {
    while (this.running?.blocked === true) yield* op.wait("commit", this.running.unblocked);
    if (this.running === undefined) {
      this.running = new Transaction(this.fs, ++this.generation);
      this.fs.currentTransid = this.running.transid;
    }
    this.running.writers++;
    return this.running;
  }

  /** btrfs_end_transaction. */
  end(trans: Transaction): void {
    trans.writers--;
    if (trans.writers <= 1 && trans.writersGone !== undefined && !trans.writersGone.triggered) trans.writersGone.succeed(undefined);
  }

  /** btrfs_commit_transaction for a transaction the caller holds a handle on; ends the handle. */
  *commit(trans: Transaction, op: OpTimer): Proc {
    const fs = this.fs;
    if (trans.inCommit) {
      this.end(trans);
      yield* op.wait("commit", trans.committed);
      return;
    }
    trans.inCommit = true;
    trans.blocked = true;
    if (trans.writers > 1) {
      trans.writersGone = fs.env.event();
      yield* op.wait("commit", trans.writersGone);
    }
    const prev = this.previous;
    if (prev !== undefined && !prev.committed.triggered) yield* op.wait("commit", prev.committed);
    yield* op.wait("commit", fs.treeLogMutex.lock());

    // Critical section: nothing else changes the trees while this runs.
    this.beforeCommit();
    runDelayedRefsAndRoots(fs);
    const logBlocks = freeLog(fs);
    const dirty = fs.committedTrees.flatMap((t) => t.dirty.take());
    for (const b of dirty) b.written = true;
    fs.superblock.rootTreeBytenr = fs.rootTree.root.bytenr;
    fs.superblock.generation = trans.transid;
    fs.superblock.logRootBytenr = 0;
    fs.cpu.charge("commitFixed");
    yield* op.cpu();

    trans.blocked = false;
    this.running = undefined;
    fs.currentTransid = undefined;
    this.previous = trans;
    trans.unblocked.succeed(undefined);
    this.end(trans);

    const image = fs.superImage();
    yield* op.waitAll("commit", submitAll(fs.bdev, treeBlockBios(fs.volumes, dirty, fs.nodesize, fs.treeImage)));
    yield* op.wait("commit", fs.bdev.submit(barrierBio()));
    yield* op.waitAll("commit", submitAll(fs.bdev, superblockBios(fs.bdev.capacityBytes, Infinity, image)));
    fs.treeLogMutex.unlock();

    for (const b of logBlocks) fs.volumes.free(b.bytenr, fs.nodesize);
    fs.volumes.unpinThrough(trans.transid);
    fs.lastTransCommitted = trans.transid;
    fs.stats.commits++;
    fs.stats.commitBlocksWritten += dirty.length;
    trans.committed.succeed(undefined);
  }

  /** transaction_kthread: commits the running transaction once it is old enough. */
  *kthread(op: OpTimer): Proc {
    const checkNs = Math.round(this.fs.params.commitCheckS * 1e9);
    const intervalNs = Math.round(this.fs.params.commitIntervalS * 1e9);
    for (;;) {
      yield this.fs.env.timeout(checkNs);
      if (this.stopping) return;
      const t = this.running;
      if (t === undefined || t.inCommit || this.fs.env.nowNs - t.startNs < intervalNs) continue;
      const handle = yield* this.join(op);
      yield* this.commit(handle, op);
    }
  }

  /** The kthread exits at its next wake-up. */
  stop(): void {
    this.stopping = true;
  }
}
