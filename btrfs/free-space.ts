// Free space of one block group: sorted free ranges of logical addresses, allocated next-fit from
// a moving cursor. The cursor stands in for btrfs's allocation clusters (find_free_extent with a
// free_cluster): consecutive allocations land next to each other and move forward through the
// group, and space freed behind the cursor is reused only after the cursor wraps around.
import { partitionPoint } from "../lib/partition-point.ts";

export interface Range {
  start: number;
  len: number;
}

export class FreeSpace {
  /** Sorted, non-overlapping, non-touching free ranges. */
  readonly ranges: Range[];
  freeBytes: number;
  private cursor: number;

  constructor(start: number, len: number) {
    this.ranges = [{ start, len }];
    this.freeBytes = len;
    this.cursor = start;
  }

  /** Allocates exactly `bytes` contiguous bytes, next-fit from the cursor; undefined if none fit. */
  alloc(bytes: number): number | undefined {
    const i = this.findFit(bytes);
    if (i < 0) return undefined;
    return this.take(i, bytes);
  }

  /** Allocates up to `bytes` (at least `minBytes`) contiguously, preferring the whole request. */
  allocUpTo(bytes: number, minBytes: number): Range | undefined {
    const whole = this.alloc(bytes);
    if (whole !== undefined) return { start: whole, len: bytes };
    let best = -1;
    for (let i = 0; i < this.ranges.length; i++) if ((this.ranges[i] as Range).len >= minBytes && (best < 0 || (this.ranges[i] as Range).len > (this.ranges[best] as Range).len)) best = i;
    if (best < 0) return undefined;
    const len = (this.ranges[best] as Range).len - ((this.ranges[best] as Range).len % minBytes);
    return { start: this.take(best, len), len };
  }

  /** Returns [start, start+len) to the free space. */
  free(start: number, len: number): void {
    const r = this.ranges;
    const lo = partitionPoint(r.length, (i) => (r[i] as Range).start < start);
    const prev = r[lo - 1];
    const next = r[lo];
    if ((prev !== undefined && prev.start + prev.len > start) || (next !== undefined && start + len > next.start)) {
      throw new Error(`double free of [${start}, ${start + len})`);
    }
    this.freeBytes += len;
    if (prev !== undefined && prev.start + prev.len === start) {
      prev.len += len;
      if (next !== undefined && prev.start + prev.len === next.start) {
        prev.len += next.len;
        r.splice(lo, 1);
      }
      return;
    }
    if (next !== undefined && start + len === next.start) {
      next.start = start;
      next.len += len;
      return;
    }
    r.splice(lo, 0, { start, len });
  }

  /** Marks [start, start+len) used if it is free (for ranges reserved at mkfs time). */
  exclude(start: number, len: number): void {
    for (let i = 0; i < this.ranges.length; i++) {
      const x = this.ranges[i] as Range;
      const a = Math.max(x.start, start);
      const b = Math.min(x.start + x.len, start + len);
      if (a >= b) continue;
      const pieces: Range[] = [];
      if (x.start < a) pieces.push({ start: x.start, len: a - x.start });
      if (b < x.start + x.len) pieces.push({ start: b, len: x.start + x.len - b });
      this.freeBytes -= b - a;
      this.ranges.splice(i, 1, ...pieces);
      i += pieces.length - 1;
    }
  }

  private findFit(bytes: number): number {
    const r = this.ranges;
    // The first range that ends after the cursor, by binary search; then onwards, then wrap.
    const lo = partitionPoint(r.length, (i) => (r[i] as Range).start + (r[i] as Range).len <= this.cursor);
    for (let i = lo; i < r.length; i++) {
      const x = r[i] as Range;
      if (x.len >= bytes && x.start + x.len - bytes >= this.cursor) return i;
      if (x.len >= bytes && x.start >= this.cursor) return i;
    }
    for (let i = 0; i < Math.min(lo, r.length); i++) if ((r[i] as Range).len >= bytes) return i;
    return -1;
  }

  private take(i: number, bytes: number): number {
    const x = this.ranges[i] as Range;
    const start = x.start + x.len - bytes >= this.cursor && this.cursor > x.start ? this.cursor : x.start;
    const pieces: Range[] = [];
    if (start > x.start) pieces.push({ start: x.start, len: start - x.start });
    if (start + bytes < x.start + x.len) pieces.push({ start: start + bytes, len: x.start + x.len - start - bytes });
    this.ranges.splice(i, 1, ...pieces);
    this.freeBytes -= bytes;
    this.cursor = start + bytes;
    return start;
  }
}
