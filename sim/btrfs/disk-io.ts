// Getting metadata to the device (fs/btrfs/disk-io.c, extent_io.c): dirty tree blocks are written
// in logical-address order, contiguous blocks gathered into one bio of up to 512 KiB
// (extent_write_cache_pages; BLK_DEF_MAX_SECTORS), each bio sent to every copy of its chunk (DUP
// writes both). write_ctree_super first flushes every device (barrier_all_devices: an empty
// WRITE_FLUSH, waited for), then writes the superblock copies with FUA (as 3.4's
// write_dev_supers does) and waits.
import { REQ, writeBio, type Bio, type BlockDevice } from "../block/index.ts";
import { emptyFlushBio } from "../block/index.ts";
import type { Event } from "../core/index.ts";
import type { TreeBlock } from "./ctree/tree-block.ts";
import type { Volumes } from "./volumes.ts";

/** Largest bio the block layer takes in one request (512 KiB, BLK_DEF_MAX_SECTORS in 2012). */
export const MAX_BIO_BYTES = 512 * 1024;
/** The superblock's size. */
export const SUPERBLOCK_BYTES = 4096;
/** Physical offsets of the superblock copies: 64 KiB, then 16 KiB << 12*i (btrfs_sb_offset). */
export const SUPERBLOCK_OFFSETS = [64 * 1024, 64 * 2 ** 20, 256 * 2 ** 30];

/** Copies that fit on a device of `deviceBytes` (write_dev_supers skips those past the end). */
export function superblockOffsets(deviceBytes: number): number[] {
  return SUPERBLOCK_OFFSETS.filter((o) => o + SUPERBLOCK_BYTES <= deviceBytes);
}

/** Bios writing `blocks`: by address, contiguous runs gathered, one bio per copy. */
export function treeBlockBios(volumes: Volumes, blocks: Iterable<TreeBlock>, nodesize: number): Bio[] {
  const addrs = [...blocks].map((b) => b.bytenr).sort((a, b) => a - b);
  const bios: Bio[] = [];
  let i = 0;
  while (i < addrs.length) {
    const start = addrs[i] as number;
    const group = volumes.groupOf(start);
    let len = nodesize;
    i++;
    while (i < addrs.length && addrs[i] === start + len && len + nodesize <= MAX_BIO_BYTES && (addrs[i] as number) < group.logicalStart + group.lengthBytes) {
      len += nodesize;
      i++;
    }
    for (const phys of volumes.physical(start)) bios.push(writeBio(phys, len, REQ.META));
  }
  return bios;
}

/** Submits bios; the events complete as each finishes. */
export function submitAll(bdev: BlockDevice, bios: readonly Bio[]): Event<unknown>[] {
  return bios.map((b) => bdev.submit(b));
}

/** barrier_all_devices' empty flush. */
export function barrierBio(): Bio {
  return emptyFlushBio();
}

/** The superblock bios for `copies` copies (1 for a log sync, all that fit for a commit). */
export function superblockBios(deviceBytes: number, copies: number): Bio[] {
  return superblockOffsets(deviceBytes)
    .slice(0, copies)
    .map((o) => writeBio(o, SUPERBLOCK_BYTES, REQ.FUA | REQ.META));
}
