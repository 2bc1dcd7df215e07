// Which blocks of a file a random job has already written, so that each block is written exactly
// once (fio's random map; since fio 2.0.11 the "axmap" in lib/axmap.c); also the block allocator's
// map of used metadata blocks. A hierarchy of bitmaps:
// level 0 has one bit per block; a bit at level n+1 is set when the 32-bit word below it is full,
// so finding the next free block skips full regions in O(levels) words instead of scanning.

const FULL = 0xffffffff;

export class RandomMap {
  readonly blocks: number;
  private readonly levels: Uint32Array[] = [];
  private readonly sizes: number[] = [];

  constructor(blocks: number) {
    if (!Number.isSafeInteger(blocks) || blocks <= 0) throw new RangeError(`RandomMap needs a positive block count, got ${blocks}`);
    this.blocks = blocks;
    let bits = blocks;
    for (;;) {
      const words = Math.ceil(bits / 32);
      const level = new Uint32Array(words);
      // Bits past the end are permanently set, so they never look free and full words look full.
      const tail = bits % 32;
      if (tail !== 0) level[words - 1] = (FULL << tail) >>> 0;
      this.levels.push(level);
      this.sizes.push(bits);
      if (words === 1) break;
      bits = words;
    }
    // A level-0 word made full by padding alone cannot happen (tail bits are < 32), but upper
    // levels must reflect full words below; none are full yet.
  }

  isSet(block: number): boolean {
    return (((this.levels[0] as Uint32Array)[block >>> 5] as number) & (1 << (block & 31))) !== 0;
  }

  /** Marks `block` written. */
  set(block: number): void {
    let index = block;
    for (let l = 0; l < this.levels.length; l++) {
      const level = this.levels[l] as Uint32Array;
      const w = index >>> 5;
      const word = ((level[w] as number) | (1 << (index & 31))) >>> 0;
      level[w] = word;
      if (word !== FULL) return;
      index = w; // the word is full: set its bit one level up
    }
  }

  /** Marks `block` unwritten again (free space returned to an allocator). */
  clear(block: number): void {
    let index = block;
    for (let l = 0; l < this.levels.length; l++) {
      const level = this.levels[l] as Uint32Array;
      const w = index >>> 5;
      const before = level[w] as number;
      level[w] = (before & ~(1 << (index & 31))) >>> 0;
      if (before !== FULL) return; // the word was not full, so the levels above did not record it
      index = w;
    }
  }

  /** The first unwritten block at or after `from`, wrapping to the start; -1 when all are written. */
  nextFree(from: number): number {
    const found = this.findFree(0, from);
    return found >= 0 ? found : this.findFree(0, 0);
  }

  private findFree(l: number, from: number): number {
    const level = this.levels[l] as Uint32Array;
    if (from >= (this.sizes[l] as number)) return -1;
    const w = from >>> 5;
    const masked = ((level[w] as number) | ((1 << (from & 31)) - 1)) >>> 0;
    if (masked !== FULL) return w * 32 + lowestZeroBit(masked);
    let next: number;
    if (l + 1 < this.levels.length) {
      next = this.findFree(l + 1, w + 1);
    } else {
      next = -1;
      for (let i = w + 1; i < level.length; i++) if (level[i] !== FULL) { next = i; break; }
    }
    if (next < 0) return -1;
    return next * 32 + lowestZeroBit(level[next] as number);
  }
}

function lowestZeroBit(word: number): number {
  const inverted = ~word;
  return 31 - Math.clz32(inverted & -inverted);
}
