// The dirty contents of a disk's write-back cache: non-overlapping, sorted sector ranges. A new
// write replaces older cached data for the same sectors and merges with touching ranges (the drive
// writes a contiguous dirty run in one pass); a write-through (FUA) write drops the cached copies
// it supersedes.
import { partitionPoint } from "../../lib/partition-point.ts";

export interface SectorRange {
  start: number;
  count: number;
}

export class DirtyRanges {
  /** Sorted by start, non-overlapping, non-adjacent. */
  readonly ranges: SectorRange[] = [];
  /** Total dirty sectors. */
  sectors = 0;

  /** Marks [start, start+count) dirty. */
  add(start: number, count: number): void {
    const end = start + count;
    const r = this.ranges;
    const i = this.firstEndingAtOrAfter(start);
    let newStart = start;
    let newEnd = end;
    let j = i;
    while (j < r.length && (r[j] as SectorRange).start <= end) {
      const x = r[j] as SectorRange;
      newStart = Math.min(newStart, x.start);
      newEnd = Math.max(newEnd, x.start + x.count);
      this.sectors -= x.count;
      j++;
    }
    r.splice(i, j - i, { start: newStart, count: newEnd - newStart });
    this.sectors += newEnd - newStart;
  }

  /** Drops [start, start+count) from the dirty set, trimming or splitting ranges it overlaps. */
  remove(start: number, count: number): void {
    const end = start + count;
    const r = this.ranges;
    let i = this.firstEndingAtOrAfter(start + 1);
    while (i < r.length && (r[i] as SectorRange).start < end) {
      const x = r[i] as SectorRange;
      const xEnd = x.start + x.count;
      const pieces: SectorRange[] = [];
      if (x.start < start) pieces.push({ start: x.start, count: start - x.start });
      if (xEnd > end) pieces.push({ start: end, count: xEnd - end });
      this.sectors -= x.count;
      for (const p of pieces) this.sectors += p.count;
      r.splice(i, 1, ...pieces);
      i += pieces.length;
    }
  }

  /** True if every sector of [start, start+count) is dirty. */
  covers(start: number, count: number): boolean {
    const x = this.ranges[this.firstEndingAtOrAfter(start + 1)];
    return x !== undefined && x.start <= start && x.start + x.count >= start + count;
  }

  /** Removes and returns the range at index `i`. */
  takeAt(i: number): SectorRange {
    const [x] = this.ranges.splice(i, 1);
    if (x === undefined) throw new RangeError(`no dirty range at index ${i}`);
    this.sectors -= x.count;
    return x;
  }

  /** Index of the first range whose end (start + count) is >= `sector`. */
  private firstEndingAtOrAfter(sector: number): number {
    const r = this.ranges;
    return partitionPoint(r.length, (i) => (r[i] as SectorRange).start + (r[i] as SectorRange).count < sector);
  }
}
