// The in-memory extent map of an inode (fs/btrfs/extent_map.c at 5dc562c): non-overlapping
// mappings from file ranges to disk ranges, merged with their neighbours when compatible
// (try_merge_map), and the patch's additions: each map's `generation` and the tree's
// modified_extents list, which unpin_extent_cache and btrfs_drop_extent_cache feed and
// btrfs_log_changed_extents drains. The list's order is not modelled (the logger sorts by start).
import type { CpuMeter } from "../cpu/index.ts";

/** extent_map.h flag bits. */
export const EXTENT_FLAG = {
  /** Being written: do not merge or drop (set until the ordered extent completes). */
  PINNED: 1,
  /** Preallocated, not yet written. */
  PREALLOC: 4,
} as const;

/** block_start of a hole (EXTENT_MAP_HOLE). */
export const BLOCK_HOLE = -1;

export interface ExtentMap {
  start: number;
  len: number;
  /** Logical disk address of the first byte, or BLOCK_HOLE. */
  blockStart: number;
  flags: number;
  /** Transaction that last modified the range (the patch's em->generation). */
  generation: number;
}

export function extentMapEnd(em: ExtentMap): number {
  return em.start + em.len;
}

export class ExtentMapTree {
  /** Sorted by start, non-overlapping. */
  readonly maps: ExtentMap[] = [];
  /** tree->modified_extents. */
  readonly modified = new Set<ExtentMap>();
  private readonly cpu: CpuMeter;

  constructor(cpu: CpuMeter) {
    this.cpu = cpu;
  }

  /** add_extent_mapping: inserts `em` (which must not overlap) and merges it with its neighbours. */
  add(em: ExtentMap, modified: boolean): void {
    const i = this.indexAfter(em.start);
    const prev = this.maps[i - 1];
    const next = this.maps[i];
    if ((prev !== undefined && extentMapEnd(prev) > em.start) || (next !== undefined && extentMapEnd(em) > next.start)) {
      throw new Error(`extent map [${em.start}, ${extentMapEnd(em)}) overlaps an existing one`);
    }
    this.maps.splice(i, 0, em);
    if (modified) this.modified.add(em);
    this.cpu.charge("extentMapOp");
    this.tryMerge(i);
  }

  /**
   * btrfs_drop_extent_cache: removes mappings over [start, end), keeping the parts outside as
   * split maps with the old flags and generation, which are put on the modified list.
   */
  drop(start: number, end: number): void {
    let i = Math.max(0, this.indexAfter(start) - 1);
    while (i < this.maps.length) {
      const em = this.maps[i] as ExtentMap;
      if (em.start >= end) break;
      if (extentMapEnd(em) <= start) {
        i++;
        continue;
      }
      this.maps.splice(i, 1);
      this.modified.delete(em);
      this.cpu.charge("extentMapOp");
      const flags = em.flags & ~EXTENT_FLAG.PINNED;
      const pieces: ExtentMap[] = [];
      if (em.start < start) pieces.push({ start: em.start, len: start - em.start, blockStart: em.blockStart, flags, generation: em.generation });
      if (extentMapEnd(em) > end) {
        const cut = end - em.start;
        pieces.push({ start: end, len: extentMapEnd(em) - end, blockStart: em.blockStart === BLOCK_HOLE ? BLOCK_HOLE : em.blockStart + cut, flags, generation: em.generation });
      }
      this.maps.splice(i, 0, ...pieces);
      for (const p of pieces) this.modified.add(p);
      i += pieces.length;
    }
  }

  /**
   * unpin_extent_cache: the write of the map at `start` completed in transaction `gen`; it goes on
   * the modified list with that generation, loses PINNED, and merges with its neighbours.
   */
  unpin(start: number, gen: number): void {
    const i = this.indexAfter(start) - 1;
    const em = this.maps[i];
    if (em === undefined || em.start !== start) return;
    this.modified.add(em);
    em.generation = gen;
    em.flags &= ~EXTENT_FLAG.PINNED;
    this.cpu.charge("extentMapOp");
    this.tryMerge(i);
  }

  /** The map containing file offset `offset`, if any. */
  lookup(offset: number): ExtentMap | undefined {
    const em = this.maps[this.indexAfter(offset) - 1];
    return em !== undefined && extentMapEnd(em) > offset ? em : undefined;
  }

  /** Forgets every map (the inode was evicted from memory). */
  clear(): void {
    this.maps.length = 0;
    this.modified.clear();
  }

  /** try_merge_map for the map at index i: absorb a mergeable left and right neighbour. */
  private tryMerge(i: number): void {
    let idx = i;
    const em = this.maps[idx] as ExtentMap;
    const prev = this.maps[idx - 1];
    if (em.start !== 0 && prev !== undefined && mergeable(prev, em)) {
      em.start = prev.start;
      em.len += prev.len;
      em.blockStart = prev.blockStart;
      this.absorb(em, prev);
      this.maps.splice(idx - 1, 1);
      idx--;
    }
    const next = this.maps[idx + 1];
    if (next !== undefined && mergeable(em, next)) {
      em.len += next.len;
      this.absorb(em, next);
      this.maps.splice(idx + 1, 1);
    }
  }

  /** The generation and list bookkeeping of a merge (the patch's hunks in try_merge_map). */
  private absorb(em: ExtentMap, merged: ExtentMap): void {
    if (merged.generation > em.generation) {
      em.generation = merged.generation;
      this.modified.add(em);
    }
    this.modified.delete(merged);
    this.cpu.charge("extentMapOp");
  }

  /** Index of the first map whose start is > offset. */
  private indexAfter(offset: number): number {
    const m = this.maps;
    let lo = 0;
    let hi = m.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((m[mid] as ExtentMap).start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** mergable_maps: adjacent, same flags, not pinned, and contiguous on disk (or both holes). */
function mergeable(prev: ExtentMap, next: ExtentMap): boolean {
  if ((prev.flags & EXTENT_FLAG.PINNED) !== 0) return false;
  if (extentMapEnd(prev) !== next.start || prev.flags !== next.flags) return false;
  if (prev.blockStart === BLOCK_HOLE || next.blockStart === BLOCK_HOLE) return prev.blockStart === next.blockStart;
  return next.blockStart === prev.blockStart + prev.len;
}
