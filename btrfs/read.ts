// Reading file data from the device (extent_io.c __extent_read_full_page via btrfs_get_extent,
// file-item.c btrfs_lookup_bio_sums; inode.c btrfs_direct_IO for O_DIRECT reads): each file range is
// mapped through the inode's file extent items; a regular extent's part is read with one bio per
// contiguous piece (split at the block layer's request size), and its checksums are looked up in
// the csum tree and verified page by page; holes and unwritten prealloc space read as zeros
// without I/O. Readahead for buffered reads (mm/readahead.c) is reduced to one synchronous window:
// a read that continues the previous one reads up to readaheadBytes at once.
import { readBio, type Bio } from "../block/index.ts";
import type { Proc } from "../sim/index.ts";
import type { FileExtentData } from "./ctree/items.ts";
import { MAX_BIO_BYTES, submitAll } from "./disk-io.ts";
import { overlappingExtents } from "./file.ts";
import type { FsInfo } from "./fs-info.ts";
import type { BtrfsInode } from "./inode.ts";
import type { OpTimer } from "./op-timer.ts";

/** Reads [startBytes, endBytes) of `inode` from the device (page-aligned), waiting for the data. */
export function* readFromDisk(fs: FsInfo, inode: BtrfsInode, startBytes: number, endBytes: number, op: OpTimer): Proc {
  // btrfs_get_extent: one search of the fs tree for the first extent of the range.
  fs.cpu.charge("btreeSearchLevel", fs.fsTree.height);
  const bios: Bio[] = [];
  for (const item of overlappingExtents(fs.fsTree, inode.ino, startBytes, endBytes)) {
    const fe = item.data as FileExtentData;
    if (fe.extentType !== "reg" || fe.diskBytenr === 0) continue;
    const a = Math.max(startBytes, item.key.offset);
    const b = Math.min(endBytes, item.key.offset + fe.numBytes);
    if (a >= b) continue;
    const disk = fe.diskBytenr + fe.offset + (a - item.key.offset);
    // btrfs_lookup_bio_sums: the range's checksums from the csum tree; crc32c of each page on completion.
    fs.cpu.charge("csumLookup");
    fs.cpu.charge("btreeSearchLevel", fs.csumTree.height);
    fs.cpu.charge("dataCsum", (b - a) / fs.sectorBytes);
    for (let off = 0; off < b - a; off += MAX_BIO_BYTES) {
      const len = Math.min(MAX_BIO_BYTES, b - a - off);
      const [phys] = fs.volumes.physical(disk + off);
      if (phys !== undefined) bios.push(readBio(phys, len));
    }
  }
  yield* op.cpu();
  yield* op.waitAll("dataIo", submitAll(fs.bdev, bios));
}

/**
 * The pages a buffered read of [offsetBytes, endBytes) brings in: none when all are cached; else the
 * missing ones, and, when the read continues the previous one, a readahead window from the first
 * missing page.
 */
export function pagesToRead(fs: FsInfo, inode: BtrfsInode, offsetBytes: number, endBytes: number): Array<[number, number]> {
  const page = fs.sectorBytes;
  const first = Math.floor(offsetBytes / page);
  const last = Math.ceil(endBytes / page);
  const missing = inode.cache.missing(first, last);
  const firstMissing = missing[0]?.[0];
  if (firstMissing === undefined) return [];
  const sequential = inode.lastReadEndBytes === offsetBytes;
  if (!sequential || fs.params.readaheadBytes <= 0) return missing;
  const eof = Math.ceil(inode.sizeBytes / page);
  const windowEnd = Math.min(eof, Math.max(last, firstMissing + Math.floor(fs.params.readaheadBytes / page)));
  return inode.cache.missing(firstMissing, windowEnd);
}
