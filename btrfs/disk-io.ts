// Getting metadata to the device (fs/btrfs/disk-io.c, extent_io.c): dirty tree blocks are written
// in logical-address order, contiguous blocks gathered into one bio of up to 512 KiB
// (extent_write_cache_pages; BLK_DEF_MAX_SECTORS), each bio sent to every copy of its chunk (DUP
// writes both). write_ctree_super first flushes every device (barrier_all_devices: an empty
// WRITE_FLUSH, waited for), then writes the superblock copies with FUA (as 3.4's
// write_dev_supers does) and waits.
import { RECORD_BLOCK_BYTES, REQ, emptyFlushBio, writeBio, type Bio, type BlockDevice } from "../block/index.ts";
import type { Event } from "../sim/index.ts";
import type { TreeBlock } from "./ctree/tree-block.ts";
import type { SuperImage, TreeBlockImage } from "./disk-image.ts";
import type { Volumes } from "./volumes.ts";

/** The fields of the superblock the model uses. */
export interface Superblock {
  generation: number;
  rootTreeBytenr: number;
  /** The log root tree written by the last log sync; 0 when there is no log. */
  logRootBytenr: number;
}

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

/**
 * Bios writing `blocks`: by address, contiguous runs gathered, one bio per copy. With `image` (a
 * recording is installed), each bio carries the images of its blocks.
 */
export function treeBlockBios(volumes: Volumes, blocks: Iterable<TreeBlock>, nodesize: number, image?: (block: TreeBlock) => TreeBlockImage): Bio[] {
  const sorted = [...blocks].sort((a, b) => a.bytenr - b.bytenr);
  const addrs = sorted.map((b) => b.bytenr);
  const bios: Bio[] = [];
  let i = 0;
  while (i < addrs.length) {
    const first = i;
    const start = addrs[i] as number;
    const group = volumes.groupOf(start);
    let len = nodesize;
    i++;
    while (i < addrs.length && addrs[i] === start + len && len + nodesize <= MAX_BIO_BYTES && (addrs[i] as number) < group.logicalStart + group.lengthBytes) {
      len += nodesize;
      i++;
    }
    const images = image === undefined ? undefined : blockImages(sorted.slice(first, i), nodesize, image);
    for (const phys of volumes.physical(start)) bios.push(writeBio(phys, len, REQ.META, images));
  }
  return bios;
}

/** The 4 KiB images of a run of tree blocks (a block larger than 4 KiB repeats its image). */
function blockImages(blocks: readonly TreeBlock[], nodesize: number, image: (block: TreeBlock) => TreeBlockImage): TreeBlockImage[] {
  const out: TreeBlockImage[] = [];
  for (const b of blocks) {
    const im = image(b);
    for (let k = 0; k < nodesize / RECORD_BLOCK_BYTES; k++) out.push(im);
  }
  return out;
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
export function superblockBios(deviceBytes: number, copies: number, image?: SuperImage): Bio[] {
  return superblockOffsets(deviceBytes)
    .slice(0, copies)
    .map((o) => writeBio(o, SUPERBLOCK_BYTES, REQ.FUA | REQ.META, image === undefined ? undefined : [image]));
}

/** The superblock's image as it is written now. */
export function superImage(super_: Superblock, logRootGeneration = 0): SuperImage {
  return { kind: "super", generation: super_.generation, rootTreeBytenr: super_.rootTreeBytenr, logRootBytenr: super_.logRootBytenr, logRootGeneration };
}
