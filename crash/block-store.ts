// What each 4 KiB block of the device holds in one view (the stable media, or a power-cut state's
// surviving unstable writes on top of it): the write that put it there (its seq) and its image.
// Blocks below `denseBlocks` live in flat arrays, the rest (superblock mirrors far out) in a map:
// the checker reads every data block of a file in every state, so a read must be an array index.
// An overlay is cleared in O(1) by moving to a new epoch.
import type { RecordedImage } from "./images.ts";

/** Blocks kept in flat arrays at most (16 GiB of device). */
const MAX_DENSE_BLOCKS = 1 << 22;

export class BlockStore {
  private readonly dense: number;
  private readonly seqs: Int32Array;
  private readonly images: Array<RecordedImage | undefined>;
  /** Per dense block: the epoch its entry belongs to (entries of older epochs are absent). */
  private readonly epochs: Int32Array;
  private epoch = 1;
  private far = new Map<number, { seq: number; image: RecordedImage }>();

  /** A store for a device whose written blocks are all below `highestBlock + 1` (or far ones in a map). */
  constructor(highestBlock: number) {
    this.dense = Math.min(highestBlock + 1, MAX_DENSE_BLOCKS);
    this.seqs = new Int32Array(this.dense);
    this.images = new Array<RecordedImage | undefined>(this.dense).fill(undefined);
    this.epochs = new Int32Array(this.dense);
  }

  /** Forgets every entry. */
  clear(): void {
    this.epoch++;
    if (this.far.size > 0) this.far = new Map();
  }

  /** The seq of the write that the block holds, or -1. */
  seqAt(block: number): number {
    if (block < this.dense) return this.epochs[block] === this.epoch ? (this.seqs[block] as number) : -1;
    return this.far.get(block)?.seq ?? -1;
  }

  imageAt(block: number): RecordedImage | undefined {
    if (block < this.dense) return this.epochs[block] === this.epoch ? this.images[block] : undefined;
    return this.far.get(block)?.image;
  }

  /** Puts write `seq`'s image in the block unless it holds a newer write's. */
  offer(block: number, seq: number, image: RecordedImage, under?: BlockStore): void {
    const have = Math.max(this.seqAt(block), under === undefined ? -1 : under.seqAt(block));
    if (have >= seq) return;
    if (block < this.dense) {
      this.epochs[block] = this.epoch;
      this.seqs[block] = seq;
      this.images[block] = image;
    } else {
      this.far.set(block, { seq, image });
    }
  }
}
