// The in-memory extent map of an inode (fs/btrfs/extent_map.c, Linux 3.7): non-overlapping
// mappings from file ranges to disk ranges, merged with their neighbours when compatible
// (try_merge_map), with the patch's additions (5dc562c: each map's `generation` and the tree's
// modified_extents list, which unpin_extent_cache and btrfs_drop_extent_cache feed and
// btrfs_log_changed_extents drains) and 4e2f84e's modified range (mod_start/mod_len: the part of a
// merged map written last, which the 3.7 logger logs). The list's order is not modelled (the
// loggers sort by start).
import type { CpuMeter } from "./cpu/index.ts";
import { ChunkedSortedList, type ChunkPos } from "./extent-map-chunks.ts";

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
  /**
   * em->mod_start, bytes (4e2f84e): where the range last modified starts. add_extent_mapping sets
   * it to `start`; unpin_extent_cache sets it before merging, so a map grown by merges keeps only
   * the newly written piece; a merge with a newer neighbour widens it (try_merge_map).
   */
  modStart: number;
  /** em->mod_len, bytes: the length of that range. */
  modLen: number;
}

/** What add_extent_mapping is given: a map without its modified range, which it sets to the whole map. */
export type NewExtentMap = Omit<ExtentMap, "modStart" | "modLen">;

/** A map with its modified range over all of it (as add_extent_mapping leaves it). */
function extentMap(start: number, len: number, blockStart: number, flags: number, generation: number): ExtentMap {
  return { start, len, blockStart, flags, generation, modStart: start, modLen: len };
}

export function extentMapEnd(em: ExtentMap): number {
  return em.start + em.len;
}

export class ExtentMapTree {
  /** tree->modified_extents. */
  readonly modified = new Set<ExtentMap>();
  /** The maps, sorted by start, non-overlapping (the kernel's rb-tree). */
  private readonly list = new ChunkedSortedList<ExtentMap>();
  private readonly cpu: CpuMeter;
  /** Scratch positions (no allocation per operation). */
  private readonly pos: ChunkPos = { chunk: 0, index: 0 };
  private readonly pos2: ChunkPos = { chunk: 0, index: 0 };

  constructor(cpu: CpuMeter) {
    this.cpu = cpu;
  }

  /** Every map in order (a copy, for tests and reports). */
  get maps(): readonly ExtentMap[] {
    return this.list.toArray();
  }

  /**
   * add_extent_mapping: inserts a map (which must not overlap) with its modified range over all of
   * it, and merges it with its neighbours. Returns the map as stored (before any merge).
   */
  add(init: NewExtentMap, modified: boolean): ExtentMap {
    const em = extentMap(init.start, init.len, init.blockStart, init.flags, init.generation);
    const pos = this.pos;
    this.list.seekAfter(em.start, pos);
    const prev = this.list.before(pos);
    const next = this.list.at(pos);
    if ((prev !== undefined && extentMapEnd(prev) > em.start) || (next !== undefined && extentMapEnd(em) > next.start)) {
      throw new Error(`extent map [${em.start}, ${extentMapEnd(em)}) overlaps an existing one`);
    }
    this.list.insertAt(pos, em);
    if (modified) this.modified.add(em);
    this.cpu.charge("extentMapOp");
    this.tryMerge(pos);
    return em;
  }

  /**
   * btrfs_drop_extent_cache: removes mappings over [start, end), keeping the parts outside as
   * split maps with the old flags and generation, which are put on the modified list; each split
   * is added as add_extent_mapping adds a map, so its modified range is all of it. (The kernel's
   * add_extent_mapping also tries to merge a split with its neighbours; the model does not.)
   */
  drop(start: number, end: number): void {
    const list = this.list;
    const pos = this.pos;
    list.seekAfter(start, pos);
    list.stepBack(pos);
    for (let em = list.at(pos); em !== undefined && em.start < end; em = list.at(pos)) {
      if (extentMapEnd(em) <= start) {
        list.stepOn(pos);
        continue;
      }
      list.removeAt(pos);
      this.modified.delete(em);
      this.cpu.charge("extentMapOp");
      const flags = em.flags & ~EXTENT_FLAG.PINNED;
      if (em.start < start) {
        const head = extentMap(em.start, start - em.start, em.blockStart, flags, em.generation);
        list.insertAt(pos, head);
        list.stepOn(pos);
        this.modified.add(head);
      }
      if (extentMapEnd(em) > end) {
        const cut = end - em.start;
        const tail = extentMap(end, extentMapEnd(em) - end, em.blockStart === BLOCK_HOLE ? BLOCK_HOLE : em.blockStart + cut, flags, em.generation);
        list.insertAt(pos, tail);
        list.stepOn(pos);
        this.modified.add(tail);
      }
    }
  }

  /**
   * unpin_extent_cache: the write of the map at `start` completed in transaction `gen`; it goes on
   * the modified list with that generation, loses PINNED, its modified range becomes the map as it
   * is before merging (4e2f84e), and it merges with its neighbours. A write into prealloc space
   * (PREALLOC set by run_delalloc_nocow) loses PREALLOC before the merge and has its modified range
   * widened to the whole merged map after it.
   */
  unpin(start: number, gen: number): void {
    const pos = this.pos;
    this.list.seekAfter(start, pos);
    if (!this.list.stepBack(pos)) return;
    const em = this.list.at(pos);
    if (em === undefined || em.start !== start) return;
    this.modified.add(em);
    em.generation = gen;
    em.flags &= ~EXTENT_FLAG.PINNED;
    em.modStart = em.start;
    em.modLen = em.len;
    const prealloc = (em.flags & EXTENT_FLAG.PREALLOC) !== 0;
    em.flags &= ~EXTENT_FLAG.PREALLOC;
    this.cpu.charge("extentMapOp");
    this.tryMerge(pos);
    if (prealloc) {
      em.modStart = em.start;
      em.modLen = em.len;
    }
  }

  /** The map containing file offset `offset`, if any. */
  lookup(offset: number): ExtentMap | undefined {
    const pos = this.pos;
    this.list.seekAfter(offset, pos);
    const em = this.list.before(pos);
    return em !== undefined && extentMapEnd(em) > offset ? em : undefined;
  }

  /** Forgets every map (the inode was evicted from memory). */
  clear(): void {
    this.list.clear();
    this.modified.clear();
  }

  /** try_merge_map for the map at `pos`: absorb a mergeable left and right neighbour. */
  private tryMerge(pos: ChunkPos): void {
    const list = this.list;
    const em = list.at(pos) as ExtentMap;
    const prev = list.before(pos);
    if (em.start !== 0 && prev !== undefined && mergeable(prev, em)) {
      em.start = prev.start;
      em.len += prev.len;
      em.blockStart = prev.blockStart;
      // A newer neighbour widens the modified range to the merged map.
      if (prev.generation > em.generation) {
        em.modStart = em.start;
        em.modLen = em.len;
      }
      this.absorb(em, prev);
      list.stepBack(pos);
      list.removeAt(pos);
    }
    const next = list.after(pos);
    if (next !== undefined && mergeable(em, next)) {
      em.len += next.len;
      // As 3.7's try_merge_map does: the length only, mod_start stays where it was.
      if (next.generation > em.generation) em.modLen = em.len;
      this.absorb(em, next);
      const at = this.pos2;
      at.chunk = pos.chunk;
      at.index = pos.index;
      list.stepOn(at);
      list.removeAt(at);
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
}

/** mergable_maps: adjacent, same flags, not pinned, and contiguous on disk (or both holes). */
function mergeable(prev: ExtentMap, next: ExtentMap): boolean {
  if ((prev.flags & EXTENT_FLAG.PINNED) !== 0) return false;
  if (extentMapEnd(prev) !== next.start || prev.flags !== next.flags) return false;
  if (prev.blockStart === BLOCK_HOLE || next.blockStart === BLOCK_HOLE) return prev.blockStart === next.blockStart;
  return next.blockStart === prev.blockStart + prev.len;
}
