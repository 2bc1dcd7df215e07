// The tree log's machinery shared by the loggers (fs/btrfs/tree-log.c, 3.x): joining the log
// (start_log_trans, btrfs_end_log_trans), the log tree and log root tree of a transaction
// (btrfs_add_log_tree, btrfs_init_log_root_tree), dropping an inode's items from the log before
// they are copied again (drop_objectid_items), copying items into the log with the checksums of
// extents written in this transaction (copy_items), the sync (btrfs_sync_log) and freeing the log
// at commit (btrfs_free_log).
//
// btrfs_sync_log's I/O, in order: write the log tree's dirty blocks (not waited); insert or update
// the log tree's root item in the log root tree; write the log root tree's dirty blocks and wait;
// wait for the log tree blocks; then write_ctree_super with one copy: an empty flush to the device
// (waited), the primary superblock with FUA (waited). Blocks are marked written when submitted, so
// the next change to any of them copies it elsewhere first. CPU work is always spent before the
// I/O it precedes is submitted.
import type { Proc } from "../sim/index.ts";
import { itemFootprint, rootItem, type FileExtentData, type Item } from "./ctree/items.ts";
import { KEY_TYPE, MAX_OFFSET, OBJECTID, key } from "./ctree/key.ts";
import type { BTree } from "./ctree/btree.ts";
import { COW } from "./ctree/search.ts";
import type { TreeBlock } from "./ctree/tree-block.ts";
import { submitAll, superblockBios, treeBlockBios } from "./disk-io.ts";
import { copyCsums, cowCsumLeaves, type DiskRange } from "./file-item.ts";
import type { FsInfo, LogControl, LogState } from "./fs-info.ts";
import type { BtrfsInode } from "./inode.ts";
import type { OpTimer } from "./op-timer.ts";
import { KERNEL_LOG_SYNC_IO } from "./recording.ts";

/**
 * btrfs_add_log_tree with btrfs_init_log_root_tree: the transaction's log tree and log root tree,
 * created on first use (the kernel's start_log_trans creates them when missing; the model's
 * loggers ask for them after updating the inode item, in the order the kernel allocates their
 * blocks). A new log starts at log transaction 0 with nothing synced (log_transid, last_log_commit).
 */
export function addLogTree(fs: FsInfo): LogState {
  if (fs.log === undefined) {
    fs.log = { logRootTree: fs.newTree(OBJECTID.TREE_LOG), logTree: fs.newTree(OBJECTID.TREE_LOG), logTransid: 0, rootItemInserted: false };
    fs.lastLogCommit = 0;
  }
  return fs.log;
}

/**
 * start_log_trans for process `pid`: joins the log as a writer (log_writers, log_batch) and notes
 * whether more than one process has joined since the last sync (log_start_pid,
 * log_multiple_pids). The log trees themselves are created by the logger's first use
 * (addLogTree), in the order the kernel allocates their blocks.
 */
export function startLogTrans(fs: FsInfo, pid: number): LogControl {
  const ctl = fs.logControl;
  if (fs.log === undefined || ctl.startPid === 0) {
    ctl.startPid = pid;
    ctl.multiplePids = false;
  } else if (ctl.startPid !== pid) {
    ctl.multiplePids = true;
  }
  ctl.batch++;
  ctl.writers++;
  return ctl;
}

/** btrfs_end_log_trans: leaves the log's writers, waking a sync waiting for them. */
export function endLogTrans(ctl: LogControl): void {
  ctl.writers--;
  if (ctl.writers === 0 && ctl.writersGone !== undefined) {
    const gone = ctl.writersGone;
    ctl.writersGone = undefined;
    gone.succeed(undefined);
  }
}

/**
 * drop_objectid_items: deletes the inode's items with a key type up to `maxKeyType` from the log,
 * from the last one back (a search per leaf and a batched btrfs_del_items). Returns the count.
 */
export function dropObjectidItems(log: BTree, ino: number, maxKeyType: number): number {
  return log.deleteRange(key(ino, 0, 0), key(ino, maxKeyType, MAX_OFFSET));
}

/**
 * copy_items: inserts `items` (consecutive keys of one source leaf) into the log, then the checksums
 * of every file extent among them whose extent generation is this transaction's (older extents'
 * checksums are already on disk; holes have none). Returns the number of items copied.
 */
export function copyItems(fs: FsInfo, log: BTree, items: readonly Item[]): number {
  if (items.length === 0) return 0;
  // The kernel copies per source leaf; a run of items longer than a leaf goes in leaf-sized batches.
  let batch: Item[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = itemFootprint(item);
    if (batch.length > 0 && bytes + size > log.leafCapacityBytes) {
      log.insertItems(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  log.insertItems(batch);
  fs.stats.logItemsCopied += items.length;
  copyCsums(fs.csumTree, log, currentGenerationRanges(fs, items), fs.sectorBytes, fs.cpu);
  return items.length;
}

/** The disk ranges of the file extents among `items` written in this transaction (copy_items' csum filter). */
function currentGenerationRanges(fs: FsInfo, items: readonly Item[]): DiskRange[] {
  const ranges: DiskRange[] = [];
  for (const item of items) {
    if (item.key.type !== KEY_TYPE.EXTENT_DATA) continue;
    const fe = item.data as FileExtentData;
    if (fe.generation < fs.transid || fe.diskBytenr === 0) continue;
    const start = fe.diskBytenr + fe.offset;
    ranges.push({ start, end: start + fe.numBytes });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * Copies every item of the inode with a key type up to `maxType` from the leaves of the fs tree
 * changed in this transaction (btrfs_search_forward with min_trans, then copy_items per leaf).
 *
 * Simulator shortcut, same result: a leaf unchanged since an earlier copy in this transaction
 * yields the same items and the same checksums, which that copy already put in the log. Its items
 * are taken from a cache, and its checksums' work is charged as the kernel does it, but the only
 * change left to make is the COW of the log's csum leaves, done once for all of them.
 */
export function copyChangedLeaves(fs: FsInfo, log: BTree, inode: BtrfsInode, maxType: number): number {
  const min = key(inode.ino, 0, 0);
  const max = key(inode.ino, maxType, MAX_OFFSET);
  let copied = 0;
  let reusedRanges = 0;
  // leavesForward walks (and charges) the whole range before the first insert; the loop changes only the log.
  for (const leaf of fs.fsTree.leavesForward(min, max, fs.transid)) {
    let copy = fs.leafCopies.get(leaf);
    const fresh = copy === undefined || copy.version !== leaf.version || copy.transid !== fs.transid || copy.ino !== inode.ino || copy.maxType !== maxType;
    if (copy === undefined || fresh) {
      const items = leaf.items.filter((it) => it.key.objectid === inode.ino && it.key.type <= maxType);
      let bytes = 0;
      for (const it of items) bytes += itemFootprint(it);
      copy = { version: leaf.version, transid: fs.transid, ino: inode.ino, maxType, items, bytes, ranges: currentGenerationRanges(fs, items) };
      fs.leafCopies.set(leaf, copy);
    }
    if (copy.items.length === 0) continue;
    log.insertItems(copy.items, copy.bytes, true);
    copied += copy.items.length;
    if (fresh) copyCsums(fs.csumTree, log, copy.ranges, fs.sectorBytes, fs.cpu);
    else reusedRanges += copy.ranges.length;
  }
  fs.stats.logItemsCopied += copied;
  if (reusedRanges > 0) {
    fs.cpu.charge("csumLookup", reusedRanges);
    fs.cpu.charge("btreeSearchLevel", reusedRanges * (fs.csumTree.height + log.height));
    cowCsumLeaves(log);
  }
  return copied;
}

/**
 * btrfs_sync_log: the log's blocks, its root and the superblock to the device. With one subvolume
 * the log root tree's own commit stage never overlaps another (a sync first waits for the one
 * before it), so its log_commit handshake is not modelled separately.
 */
export function* syncLog(fs: FsInfo, op: OpTimer): Proc {
  const log = fs.log;
  if (log === undefined) throw new Error("syncLog without a log");
  yield* op.cpu();
  const ctl = fs.logControl;
  const logTransid = log.logTransid;
  const index = logTransid % 2;
  const running = ctl.committing[index];
  if (running !== undefined) {
    // Another process is syncing this log transaction; our items went in before it took the batch.
    yield* op.wait("contention", running);
    return;
  }
  const done = fs.env.event<undefined>();
  ctl.committing[index] = done;
  const previous = ctl.committing[1 - index];
  if (previous !== undefined) yield* op.wait("contention", previous);
  yield* waitForBatch(fs, ctl, op);
  const io = fs.recording?.logSyncIo ?? KERNEL_LOG_SYNC_IO;
  const logBlocks = takeDirty(log.logTree);
  const logWrites = submitAll(fs.bdev, treeBlockBios(fs.volumes, logBlocks, fs.nodesize, fs.treeImage));
  log.logTransid++;
  ctl.startPid = 0;
  updateLogRoot(fs, log);
  yield* op.cpu();
  const rootBlocks = takeDirty(log.logRootTree);
  const rootWrites = submitAll(fs.bdev, treeBlockBios(fs.volumes, rootBlocks, fs.nodesize, fs.treeImage));
  yield* io.waitLogBlocks(op, rootWrites, logWrites);
  fs.stats.logBlocksWritten += logBlocks.length + rootBlocks.length;
  fs.stats.logSyncs++;
  yield* op.wait("commit", fs.treeLogMutex.lock());
  fs.superblock.logRootBytenr = log.logRootTree.root.bytenr;
  yield* io.barrier(fs.bdev, op);
  const superWrites = submitAll(fs.bdev, superblockBios(fs.bdev.capacityBytes, 1, fs.superImage(log.logRootTree.root.generation)));
  yield* io.waitSuper(op, superWrites);
  fs.treeLogMutex.unlock();
  yield* io.afterSuper(op, rootWrites, logWrites);
  fs.lastLogCommit = Math.max(fs.lastLogCommit, logTransid);
  ctl.committing[index] = undefined;
  done.succeed(undefined);
}

/**
 * The batching loop of btrfs_sync_log: without the ssd option, when several processes have joined
 * the log, sleep one jiffy so more can join; then wait for the writers to leave; repeat while the
 * batch grew.
 */
function* waitForBatch(fs: FsInfo, ctl: LogControl, op: OpTimer): Proc {
  for (;;) {
    const batch = ctl.batch;
    if (!fs.ssd && ctl.multiplePids) {
      fs.stats.logBatchSleeps++;
      yield* op.wait("contention", fs.env.timeout(fs.cpu.jiffyNs));
    }
    while (ctl.writers > 0) {
      ctl.writersGone ??= fs.env.event<undefined>();
      yield* op.wait("contention", ctl.writersGone);
    }
    if (batch === ctl.batch) return;
  }
}

/** update_log_root: the log tree's root item, inserted on the first sync, updated afterwards. */
function updateLogRoot(fs: FsInfo, log: LogState): void {
  const k = key(OBJECTID.TREE_LOG, KEY_TYPE.ROOT_ITEM, OBJECTID.FS_TREE);
  const root = log.logTree.root;
  const item = rootItem(k, { bytenr: root.bytenr, level: root.level, generation: fs.transid });
  if (!log.rootItemInserted) {
    log.logRootTree.insertItems([item]);
    log.rootItemInserted = true;
    return;
  }
  log.logRootTree.replaceItem(log.logRootTree.search(k, COW), item);
}

/** The tree's dirty blocks, now being written: marked WRITTEN and no longer dirty. */
export function takeDirty(tree: BTree): TreeBlock[] {
  const blocks = tree.dirty.take();
  for (const b of blocks) b.written = true;
  return blocks;
}

/**
 * btrfs_free_log (at commit): the log trees are dropped. Blocks never written are free at once;
 * the others are returned to be freed once the commit's superblock is on disk.
 */
export function freeLog(fs: FsInfo): TreeBlock[] {
  const log = fs.log;
  if (log === undefined) return [];
  const later: TreeBlock[] = [];
  for (const tree of [log.logTree, log.logRootTree]) {
    for (const b of tree.blocks()) {
      if (tree.dirty.has(b)) fs.volumes.free(b.bytenr, fs.nodesize);
      else later.push(b);
    }
    tree.dirty.clear();
  }
  fs.log = undefined;
  return later;
}
