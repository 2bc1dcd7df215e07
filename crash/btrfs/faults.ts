// The faults the crash checker can inject into btrfs's fsync path, as the recording hooks btrfs
// offers (btrfs/recording.ts): each changes one step of btrfs_sync_log's ordering against the
// device, or what a log block carries, from the kernel's behaviour to a broken one.
import { KERNEL_LOG_SYNC_IO, treeBlockImage, type LogSyncIo, type TreeBlockImage } from "../../btrfs/index.ts";
import { OBJECTID } from "../../btrfs/ctree/key.ts";
import type { TreeBlock } from "../../btrfs/ctree/tree-block.ts";
import type { Injection } from "../inject.ts";

/** btrfs_sync_log's steps with the `injections` that change them. */
export function faultyLogSyncIo(injections: ReadonlySet<Injection>): LogSyncIo {
  const io: LogSyncIo = { ...KERNEL_LOG_SYNC_IO };
  if (injections.has("skip-flush")) io.barrier = function* () {};
  if (injections.has("early-ack")) io.waitSuper = function* () {};
  if (injections.has("super-before-log")) {
    // The superblock goes out as soon as the log blocks are submitted; the sync still waits for them, after it.
    io.waitLogBlocks = function* () {};
    io.afterSuper = function* (op, rootWrites, logWrites) {
      yield* op.waitAll("logIo", [...rootWrites, ...logWrites]);
    };
  }
  return io;
}

/** How tree blocks are imaged: as they are, or (drop-log-csums) log blocks without their checksum items. */
export function faultyTreeImage(injections: ReadonlySet<Injection>): (block: TreeBlock) => TreeBlockImage {
  if (!injections.has("drop-log-csums")) return (block) => treeBlockImage(block);
  const isCsum = (it: { readonly key: { readonly objectid: number } }): boolean => it.key.objectid === OBJECTID.EXTENT_CSUM;
  return (block) => treeBlockImage(block, block.owner === OBJECTID.TREE_LOG ? isCsum : undefined);
}
