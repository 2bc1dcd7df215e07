// Data writeback on fsync and ordered extents (inode.c run_delalloc_nocow / cow_file_range,
// ordered-data.c, btrfs_finish_ordered_io; 3.x). btrfs_wait_ordered_range turns the inode's dirty
// pages into ordered extents: a range inside a prealloc item without checksums is written in place
// (nocow: a lookup in the fs tree, the extent tree for cross references and the csum tree); any
// other range gets a newly allocated extent (COW). Each gets a pinned extent map and its data bio
// (crc32c computed at submission). When the data is on the device, the completion work runs in the
// endio worker, modelled inline: it joins the transaction, converts or inserts the file extent
// item, adds the checksums, unpins the extent map into the modified list, and dirties the inode.
import { writeBio, type Bio } from "../block/index.ts";
import type { DataImage } from "../fs/index.ts";
import type { Proc } from "../sim/index.ts";
import type { FileExtentData } from "./ctree/items.ts";
import { EXTENT_FLAG } from "./extent-map.ts";
import { csumFileBlocks, lookupCsumsRange } from "./file-item.ts";
import { dropExtents, insertFileExtent, markExtentWritten, overlappingExtents } from "./file.ts";
import type { FsInfo } from "./fs-info.ts";
import { markInodeChanged } from "./inode-ops.ts";
import type { BtrfsInode } from "./inode.ts";
import type { OpTimer } from "./op-timer.ts";
import { MAX_BIO_BYTES, submitAll } from "./disk-io.ts";
import type { TransactionManager } from "./transaction.ts";

/** struct btrfs_ordered_extent, reduced to what the model needs. */
export interface OrderedExtent {
  readonly fileOffset: number;
  readonly len: number;
  readonly diskBytenr: number;
  /** BTRFS_ORDERED_PREALLOC (nocow into prealloc space) or a regular COW extent. */
  readonly prealloc: boolean;
}

/**
 * btrfs_wait_ordered_range(inode, 0, (u64)-1): writes the dirty pages, waits for the data, and
 * completes their ordered extents. Returns how many ordered extents there were.
 */
export function* waitOrderedRange(fs: FsInfo, trans: TransactionManager, inode: BtrfsInode, op: OpTimer): Proc<number> {
  const direct = inode.pendingOrdered.size;
  if (direct > 0) yield* op.waitAll("dataIo", [...inode.pendingOrdered]);
  if (inode.dirtyPages.size === 0) return direct;
  const pages = [...inode.dirtyPages].sort((a, b) => a - b);
  inode.dirtyPages.clear();
  const ordered: OrderedExtent[] = [];
  let runStart = pages[0] as number;
  for (let i = 1; i <= pages.length; i++) {
    const p = pages[i];
    if (p !== undefined && p === (pages[i - 1] as number) + 1) continue;
    const runEnd = (pages[i - 1] as number) + 1;
    ordered.push(...runDelalloc(fs, inode, runStart * fs.sectorBytes, runEnd * fs.sectorBytes));
    if (p !== undefined) runStart = p;
  }
  const bios: Bio[] = [];
  for (const oe of ordered) {
    fs.cpu.charge("dataCsum", oe.len / fs.sectorBytes);
    bios.push(...dataBios(fs, oe, inode.ino));
  }
  yield* op.cpu();
  yield* op.waitAll("dataIo", submitAll(fs.bdev, bios));
  const handle = yield* trans.join(op);
  for (const oe of ordered) finishOrderedIo(fs, inode, oe);
  trans.end(handle);
  yield* op.cpu();
  return direct + ordered.length;
}

/** run_delalloc_range for [start, end): nocow where the range is unwritten prealloc space, else COW. */
export function runDelalloc(fs: FsInfo, inode: BtrfsInode, start: number, end: number): OrderedExtent[] {
  const out: OrderedExtent[] = [];
  let cursor = start;
  const cow = (a: number, b: number): void => {
    let at = a;
    while (at < b) {
      const r = fs.volumes.allocData(b - at, fs.sectorBytes);
      out.push({ fileOffset: at, len: r.len, diskBytenr: r.start, prealloc: false });
      at += r.len;
    }
  };
  for (const item of overlappingExtents(fs.fsTree, inode.ino, start, end)) {
    const fe = item.data as FileExtentData;
    const a = Math.max(cursor, item.key.offset);
    const b = Math.min(end, item.key.offset + fe.numBytes);
    if (a > cursor) cow(cursor, a);
    if (fe.extentType === "prealloc" && inode.prealloc) {
      const disk = fe.diskBytenr + fe.offset + (a - item.key.offset);
      // btrfs_cross_ref_exist (extent tree) and csum_exist_in_range (csum tree) before going nocow.
      fs.cpu.charge("btreeSearchLevel", fs.extentTree.height);
      if (lookupCsumsRange(fs.csumTree, disk, disk + (b - a), fs.sectorBytes).length === 0) {
        out.push({ fileOffset: a, len: b - a, diskBytenr: disk, prealloc: true });
      } else {
        cow(a, b);
      }
    } else {
      cow(a, b);
    }
    cursor = b;
  }
  if (cursor < end) cow(cursor, end);
  for (const oe of out) {
    inode.extentMaps.drop(oe.fileOffset, oe.fileOffset + oe.len);
    // cow_file_range pins the new map; run_delalloc_nocow also flags it PREALLOC (unpin clears it).
    const flags = oe.prealloc ? EXTENT_FLAG.PINNED | EXTENT_FLAG.PREALLOC : EXTENT_FLAG.PINNED;
    inode.extentMaps.add({ start: oe.fileOffset, len: oe.len, blockStart: oe.diskBytenr, flags, generation: 0 }, false);
  }
  return out;
}

/**
 * The data bios of an ordered extent of inode `ino`, split at the block layer's request size; with
 * recording, each carries the version of every page it writes.
 */
export function dataBios(fs: FsInfo, oe: OrderedExtent, ino: number): Bio[] {
  const recorder = fs.recording?.files;
  const bios: Bio[] = [];
  for (let off = 0; off < oe.len; off += MAX_BIO_BYTES) {
    const len = Math.min(MAX_BIO_BYTES, oe.len - off);
    let images: DataImage[] | undefined;
    if (recorder !== undefined) {
      const first = (oe.fileOffset + off) / fs.sectorBytes;
      images = Array.from({ length: len / fs.sectorBytes }, (_, i) => ({ kind: "data", ino, page: first + i, version: recorder.versionOf(ino, first + i) }));
    }
    for (const phys of fs.volumes.physical(oe.diskBytenr + off)) bios.push(writeBio(phys, len, 0, images));
  }
  return bios;
}

/** btrfs_finish_ordered_io: the metadata side of written data, in the running transaction. */
export function finishOrderedIo(fs: FsInfo, inode: BtrfsInode, oe: OrderedExtent): void {
  const transid = fs.transid;
  fs.cpu.charge("orderedCompletion");
  const end = oe.fileOffset + oe.len;
  if (oe.prealloc) {
    inode.extentItems += markExtentWritten(fs.fsTree, fs.delayedRefs, inode.ino, oe.fileOffset, end, transid);
  } else {
    inode.extentItems += dropExtents(fs.fsTree, fs.delayedRefs, inode.ino, oe.fileOffset, end);
    insertFileExtent(fs.fsTree, fs.delayedRefs, inode.ino, oe.fileOffset, {
      extentType: "reg", generation: transid, diskBytenr: oe.diskBytenr, diskNumBytes: oe.len, offset: 0, numBytes: oe.len,
    });
    inode.extentItems += 1;
  }
  csumFileBlocks(fs.csumTree, oe.diskBytenr, oe.len / fs.sectorBytes, fs.sectorBytes);
  inode.extentMaps.unpin(oe.fileOffset, transid);
  markInodeChanged(fs, inode);
}
