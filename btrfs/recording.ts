// What a crash checker installs in a mounted btrfs (BtrfsFilesystem.record): a recorder of the
// files' lives, how a tree block is imaged as it goes to the device, and how btrfs_sync_log waits
// around its superblock write. The last two are where the checker's faults plug in; the kernel's
// own behaviour is the default, so btrfs_sync_log reads the same with a checker or without.
import type { BlockDevice } from "../block/index.ts";
import type { Event, Proc } from "../sim/index.ts";
import type { FileRecorder } from "../fs/index.ts";
import type { TreeBlock } from "./ctree/tree-block.ts";
import { treeBlockImage, type TreeBlockImage } from "./disk-image.ts";
import { barrierBio } from "./disk-io.ts";
import type { OpTimer } from "./op-timer.ts";

/** The steps of btrfs_sync_log's write-out that order it against the device (tree-log.c, 3.7). */
export interface LogSyncIo {
  /** Before the superblock: wait for the log root tree's blocks, then the log tree's (btrfs_wait_marked_extents). */
  waitLogBlocks: (op: OpTimer, rootWrites: readonly Event<unknown>[], logWrites: readonly Event<unknown>[]) => Proc;
  /** write_ctree_super's barrier_all_devices: an empty flush, waited for. */
  barrier: (bdev: BlockDevice, op: OpTimer) => Proc;
  /** write_ctree_super waits for its superblock write (write_dev_supers' wait). */
  waitSuper: (op: OpTimer, superWrites: readonly Event<unknown>[]) => Proc;
  /** After tree_log_mutex is released, before the sync returns: the kernel has nothing left to wait for. */
  afterSuper: (op: OpTimer, rootWrites: readonly Event<unknown>[], logWrites: readonly Event<unknown>[]) => Proc;
}

const kernelLogSyncIo: LogSyncIo = {
  *waitLogBlocks(op, rootWrites, logWrites) {
    yield* op.waitAll("logIo", rootWrites);
    yield* op.waitAll("logIo", logWrites);
  },
  *barrier(bdev, op) {
    yield* op.wait("flush", bdev.submit(barrierBio()));
  },
  *waitSuper(op, superWrites) {
    yield* op.waitAll("flush", superWrites);
  },
  *afterSuper() {},
};
/** What btrfs_sync_log does. */
export const KERNEL_LOG_SYNC_IO: Readonly<LogSyncIo> = Object.freeze(kernelLogSyncIo);

export interface BtrfsRecording {
  readonly files: FileRecorder;
  /** The image of a tree block as it is submitted. */
  treeImage(block: TreeBlock): TreeBlockImage;
  /** btrfs_sync_log's ordering against the device. */
  readonly logSyncIo: LogSyncIo;
}

/** A recording of `files` with the kernel's images and ordering (no fault injected). */
export function kernelRecording(files: FileRecorder): BtrfsRecording {
  return { files, treeImage: (block) => treeBlockImage(block), logSyncIo: KERNEL_LOG_SYNC_IO };
}
