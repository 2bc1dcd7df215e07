// A tree's dirty blocks (the extent buffers marked dirty in its transaction, waiting to be written
// by btrfs_write_marked_extents): what a Set of blocks does, in insertion order, kept as a list
// with each block's place in it stored on the block. A simulator speed measure: a tree adds and
// removes a block on every COW, new block and freed block, and a Set's hashing of the block
// objects was a visible share of a truncate-and-copy run.
import type { TreeBlock } from "./tree-block.ts";

export class DirtyBlocks implements Iterable<TreeBlock> {
  /** The blocks in the order added; a removed block leaves a hole until the next compaction. */
  private list: Array<TreeBlock | undefined> = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(block: TreeBlock): boolean {
    return block.dirtyAt >= 0 && this.list[block.dirtyAt] === block;
  }

  /** Adds `block` at the end unless it is already there. */
  add(block: TreeBlock): void {
    if (this.has(block)) return;
    block.dirtyAt = this.list.length;
    this.list.push(block);
    this.count++;
  }

  /** Removes `block`; true if it was there. */
  delete(block: TreeBlock): boolean {
    if (!this.has(block)) return false;
    this.list[block.dirtyAt] = undefined;
    block.dirtyAt = -1;
    this.count--;
    if (this.list.length > 64 && this.count < this.list.length >> 1) this.compact();
    return true;
  }

  clear(): void {
    for (const b of this.list) if (b !== undefined) b.dirtyAt = -1;
    this.list = [];
    this.count = 0;
  }

  *[Symbol.iterator](): Iterator<TreeBlock> {
    for (const b of this.list) if (b !== undefined) yield b;
  }

  /** The blocks, in the order added, and none left dirty: what a write of them takes. */
  take(): TreeBlock[] {
    const blocks = this.toArray();
    this.clear();
    return blocks;
  }

  /** The blocks, in the order added (a new array). */
  toArray(): TreeBlock[] {
    const out: TreeBlock[] = [];
    for (const b of this.list) if (b !== undefined) out.push(b);
    return out;
  }

  private compact(): void {
    const kept = this.toArray();
    kept.forEach((b, i) => (b.dirtyAt = i));
    this.list = kept;
  }
}
