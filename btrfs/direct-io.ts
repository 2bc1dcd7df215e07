// O_DIRECT writes (inode.c btrfs_direct_IO with btrfs_get_blocks_direct, 3.7): the range's dirty
// cached pages are written back and its cached pages dropped (generic_file_direct_write); a write
// past EOF first fills the gap with a hole (btrfs_cont_expand); the range gets ordered extents, in
// place where it is unwritten prealloc space (can_nocow_odirect) and in a new extent otherwise;
// checksums are computed at submission and the data goes to the device, and the write(2) returns
// when the device has it. The ordered extents' completion (btrfs_finish_ordered_io: file extent
// items, checksums, extent maps onto the modified list) runs afterwards in the endio worker, which
// an fsync waits for (btrfs_wait_ordered_range).
import type { Event, Proc } from "../sim/index.ts";
import { submitAll } from "./disk-io.ts";
import type { FsInfo } from "./fs-info.ts";
import { contExpand, markInodeChanged } from "./inode-ops.ts";
import type { BtrfsInode } from "./inode.ts";
import { OpTimer } from "./op-timer.ts";
import { dataBios, finishOrderedIo, runDelalloc, waitOrderedRange, type OrderedExtent } from "./ordered-data.ts";
import type { TransactionManager } from "./transaction.ts";

export function* directWrite(fs: FsInfo, trans: TransactionManager, inode: BtrfsInode, offsetBytes: number, lengthBytes: number, op: OpTimer): Proc {
  const page = fs.sectorBytes;
  const first = offsetBytes / page;
  const last = (offsetBytes + lengthBytes) / page;
  for (const p of inode.dirtyPages) {
    if (p >= first && p < last) {
      yield* waitOrderedRange(fs, trans, inode, op);
      break;
    }
  }
  inode.cache.dropRange(first, last);
  const end = offsetBytes + lengthBytes;
  const handle = yield* trans.join(op);
  if (offsetBytes > inode.sizeBytes) contExpand(fs, inode, inode.sizeBytes, offsetBytes);
  trans.end(handle);
  const ordered = runDelalloc(fs, inode, offsetBytes, end);
  const bios = ordered.flatMap((oe) => {
    fs.cpu.charge("dataCsum", oe.len / page);
    return dataBios(fs, oe, inode.ino);
  });
  yield* op.cpu();
  yield* op.waitAll("dataIo", submitAll(fs.bdev, bios));
  if (end > inode.sizeBytes) {
    const sizeHandle = yield* trans.join(op);
    inode.sizeBytes = end;
    markInodeChanged(fs, inode);
    trans.end(sizeHandle);
    yield* op.cpu();
  }
  const done = fs.env.event<undefined>();
  inode.pendingOrdered.add(done);
  fs.env.process(endioWorker(fs, trans, inode, ordered, done));
}

/** btrfs_endio_direct_write's queued work: finish the ordered extents in a transaction. */
function* endioWorker(fs: FsInfo, trans: TransactionManager, inode: BtrfsInode, ordered: readonly OrderedExtent[], done: Event<undefined>): Proc {
  const op = new OpTimer(fs.env, fs.cpu);
  const handle = yield* trans.join(op);
  for (const oe of ordered) finishOrderedIo(fs, inode, oe);
  trans.end(handle);
  yield* op.cpu();
  inode.pendingOrdered.delete(done);
  done.succeed(undefined);
}
