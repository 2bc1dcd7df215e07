// Free space of a metadata block group kept as one bit per tree block: the same next-fit policy as
// FreeSpace (the first free block at or after the cursor, else the first from the start) for
// allocations that are always exactly one tree block, answered by a hierarchical bitmap in a few
// word operations instead of a range list that fragments as pinned blocks come back.
import { RandomMap } from "../lib/index.ts";

export class BlockSpace {
  freeBytes: number;
  private readonly start: number;
  private readonly blockBytes: number;
  private readonly used: RandomMap;
  private cursor = 0;

  constructor(start: number, len: number, blockBytes: number) {
    this.start = start;
    this.blockBytes = blockBytes;
    this.used = new RandomMap(Math.floor(len / blockBytes));
    this.freeBytes = this.used.blocks * blockBytes;
  }

  /** One block of `bytes` (must be the block size); undefined if the group is full. */
  alloc(bytes: number): number | undefined {
    if (bytes !== this.blockBytes) throw new RangeError(`BlockSpace allocates ${this.blockBytes}-byte blocks, not ${bytes}`);
    const b = this.used.nextFree(this.cursor < this.used.blocks ? this.cursor : 0);
    if (b < 0) return undefined;
    this.used.set(b);
    this.freeBytes -= bytes;
    this.cursor = b + 1;
    return this.start + b * this.blockBytes;
  }

  allocUpTo(bytes: number, minBytes: number): { start: number; len: number } | undefined {
    const at = bytes === this.blockBytes || minBytes <= this.blockBytes ? this.alloc(this.blockBytes) : undefined;
    return at === undefined ? undefined : { start: at, len: this.blockBytes };
  }

  free(start: number, len: number): void {
    for (let a = start; a < start + len; a += this.blockBytes) {
      const b = (a - this.start) / this.blockBytes;
      if (!this.used.isSet(b)) throw new Error(`double free of block ${a}`);
      this.used.clear(b);
      this.freeBytes += this.blockBytes;
    }
  }

  /** Marks the blocks overlapping [start, start+len) used (superblock copies). */
  exclude(start: number, len: number): void {
    const first = Math.floor((start - this.start) / this.blockBytes);
    const last = Math.ceil((start + len - this.start) / this.blockBytes);
    for (let b = Math.max(0, first); b < Math.min(last, this.used.blocks); b++) {
      if (this.used.isSet(b)) continue;
      this.used.set(b);
      this.freeBytes -= this.blockBytes;
    }
  }
}
