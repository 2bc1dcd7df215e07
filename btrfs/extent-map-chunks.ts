// The ordered store behind an inode's extent map tree (the kernel's rb-tree of extent maps,
// extent_map_tree.map): maps sorted by start, kept in chunks of at most CHUNK_MAX so that a lookup
// is two binary searches and an insert or removal moves at most a chunk's worth of entries. A
// single sorted array cost O(n) per change, quadratic over a run whose file holds ~10^5 maps.
// A simulator data structure: the model's costs are charged by the extent map tree, not here.
import { partitionPoint } from "../lib/partition-point.ts";

/** What the store orders by. */
export interface Started {
  readonly start: number;
}

/** Entries per chunk before it is split in halves. */
const CHUNK_MAX = 64;
/** A chunk this small is joined to a neighbour when both fit in one. */
const CHUNK_MIN = 16;

/** A place in the store: chunk index and index within it; valid until the next change. */
export interface ChunkPos {
  chunk: number;
  index: number;
}

export class ChunkedSortedList<T extends Started> {
  private chunks: T[][] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Every entry in order (a copy). */
  toArray(): T[] {
    return this.chunks.flat();
  }

  clear(): void {
    this.chunks = [];
    this.count = 0;
  }

  /** Into `pos`: where an entry starting at `start` goes, after every entry whose start is <= start. */
  seekAfter(start: number, pos: ChunkPos): void {
    const chunks = this.chunks;
    const lo = partitionPoint(chunks.length, (i) => ((chunks[i] as T[])[0] as T).start <= start);
    // Chunk lo - 1 is the last whose first entry starts at or before `start`.
    if (lo === 0) {
      pos.chunk = 0;
      pos.index = 0;
      return;
    }
    const c = chunks[lo - 1] as T[];
    pos.chunk = lo - 1;
    pos.index = partitionPoint(c.length, (i) => (c[i] as T).start <= start);
  }

  /** The entry at `pos`, or undefined past the end. */
  at(pos: ChunkPos): T | undefined {
    const c = this.chunks[pos.chunk];
    if (c === undefined) return undefined;
    const x = c[pos.index];
    if (x !== undefined) return x;
    return this.chunks[pos.chunk + 1]?.[0];
  }

  /** The entry before `pos`, or undefined at the start. */
  before(pos: ChunkPos): T | undefined {
    if (pos.index > 0) return this.chunks[pos.chunk]?.[pos.index - 1];
    const prev = this.chunks[pos.chunk - 1];
    return prev?.[prev.length - 1];
  }

  /** Moves `pos` one entry back; false at the start. */
  stepBack(pos: ChunkPos): boolean {
    if (pos.index > 0) {
      pos.index--;
      return true;
    }
    const prev = this.chunks[pos.chunk - 1];
    if (prev === undefined) return false;
    pos.chunk--;
    pos.index = prev.length - 1;
    return true;
  }

  /** The entry after the one at `pos`, or undefined at the end. */
  after(pos: ChunkPos): T | undefined {
    const c = this.chunks[pos.chunk];
    if (c === undefined) return undefined;
    if (pos.index + 1 < c.length) return c[pos.index + 1];
    return this.chunks[pos.chunk + 1]?.[0];
  }

  /** Moves `pos` one entry on (to the end position of the last chunk at most). */
  stepOn(pos: ChunkPos): void {
    const c = this.chunks[pos.chunk];
    if (c === undefined) return;
    if (pos.index + 1 < c.length || pos.chunk + 1 >= this.chunks.length) pos.index++;
    else {
      pos.chunk++;
      pos.index = 0;
    }
  }

  /** Inserts `x` at `pos` (which keeps the order); `pos` then points at `x`. */
  insertAt(pos: ChunkPos, x: T): void {
    this.count++;
    const c = this.chunks[pos.chunk];
    if (c === undefined) {
      this.chunks.push([x]);
      pos.chunk = this.chunks.length - 1;
      pos.index = 0;
      return;
    }
    c.splice(pos.index, 0, x);
    if (c.length > CHUNK_MAX) {
      const right = c.splice(c.length >> 1);
      this.chunks.splice(pos.chunk + 1, 0, right);
      if (pos.index >= c.length) {
        pos.index -= c.length;
        pos.chunk++;
      }
    }
  }

  /** Removes the entry at `pos` (which must hold one); `pos` then points at its successor. */
  removeAt(pos: ChunkPos): void {
    let c = this.chunks[pos.chunk] as T[];
    if (pos.index >= c.length) {
      pos.chunk++;
      pos.index = 0;
      c = this.chunks[pos.chunk] as T[];
    }
    this.count--;
    c.splice(pos.index, 1);
    if (c.length === 0) {
      this.chunks.splice(pos.chunk, 1);
      pos.index = 0;
      return;
    }
    if (c.length < CHUNK_MIN) this.joinNeighbour(pos);
    const now = this.chunks[pos.chunk] as T[];
    if (pos.index >= now.length && pos.chunk + 1 < this.chunks.length) {
      pos.chunk++;
      pos.index = 0;
    }
  }

  /** Joins the small chunk at pos.chunk with a neighbour if both fit in one, keeping `pos` on its entry. */
  private joinNeighbour(pos: ChunkPos): void {
    const c = this.chunks[pos.chunk] as T[];
    const next = this.chunks[pos.chunk + 1];
    if (next !== undefined && c.length + next.length <= CHUNK_MAX) {
      c.push(...next);
      this.chunks.splice(pos.chunk + 1, 1);
      return;
    }
    const prev = this.chunks[pos.chunk - 1];
    if (prev !== undefined && c.length + prev.length <= CHUNK_MAX) {
      pos.index += prev.length;
      prev.push(...c);
      this.chunks.splice(pos.chunk, 1);
      pos.chunk--;
    }
  }
}
