// Checksum items (fs/btrfs/file-item.c): crc32c per data sector, kept in items keyed
// (EXTENT_CSUM_OBJECTID, EXTENT_CSUM, disk address of the first sector). New checksums overwrite
// an item that covers them, extend the item that ends just before them while it and its leaf have
// room, or go into a new item (btrfs_csum_file_blocks). The same code fills the csum tree at
// ordered-extent completion and the log tree in copy_items.
import type { CpuMeter } from "../cpu/index.ts";
import type { BTree, LeafCursor } from "./ctree/btree.ts";
import { ITEM_HEADER_BYTES, CSUM_BYTES_PER_SECTOR, csumItem, type CsumData, type Item } from "./ctree/items.ts";
import { KEY_TYPE, OBJECTID, key, type Key } from "./ctree/key.ts";
import type { Leaf } from "./ctree/tree-block.ts";

export const csumKey = (bytenr: number): Key => key(OBJECTID.EXTENT_CSUM, KEY_TYPE.EXTENT_CSUM, bytenr);

/** Largest csum item: ((leaf data size - 2 item headers) / 4) - 1 sectors, at most a page of csums. */
export function maxCsumSectors(tree: BTree, pageBytes = 4096): number {
  return Math.min(Math.floor((tree.leafCapacityBytes - 2 * ITEM_HEADER_BYTES) / CSUM_BYTES_PER_SECTOR) - 1, pageBytes / CSUM_BYTES_PER_SECTOR);
}

/** A run of sectors with checksums. */
export interface CsumRange {
  readonly bytenr: number;
  readonly sectors: number;
}

function isCsum(item: Item | undefined): item is Item & { data: CsumData } {
  return item !== undefined && item.key.objectid === OBJECTID.EXTENT_CSUM && item.key.type === KEY_TYPE.EXTENT_CSUM;
}

function endOf(item: Item & { data: CsumData }, sectorBytes: number): number {
  return item.key.offset + item.data.sectors * sectorBytes;
}

/** btrfs_csum_file_blocks: records checksums for `sectors` sectors from `bytenr`. */
export function csumFileBlocks(tree: BTree, bytenr: number, sectors: number, sectorBytes: number): void {
  const max = maxCsumSectors(tree);
  let at = bytenr;
  let left = sectors;
  while (left > 0) {
    const path = tree.searchShared(csumKey(at), true);
    const leaf = path.nodes[0] as Leaf;
    const slot = path.slots[0] as number;
    const here = leaf.items[slot];
    if (path.found && isCsum(here)) {
      const covered = Math.min(left, here.data.sectors);
      at += covered * sectorBytes;
      left -= covered;
      continue;
    }
    const prev = leaf.items[slot - 1];
    if (isCsum(prev) && endOf(prev, sectorBytes) > at) {
      const covered = Math.min(left, (endOf(prev, sectorBytes) - at) / sectorBytes);
      at += covered * sectorBytes;
      left -= covered;
      continue;
    }
    const next = leaf.items[slot];
    const gapToNext = isCsum(next) ? (next.key.offset - at) / sectorBytes : Infinity;
    if (isCsum(prev) && endOf(prev, sectorBytes) === at && prev.data.sectors < max) {
      const room = Math.floor(tree.leafFreeBytes(path) / CSUM_BYTES_PER_SECTOR);
      const grow = Math.min(left, max - prev.data.sectors, room, gapToNext);
      if (grow > 0) {
        tree.replaceItem({ ...path, slots: [slot - 1, ...path.slots.slice(1)] }, csumItem(prev.key, prev.data.sectors + grow));
        at += grow * sectorBytes;
        left -= grow;
        continue;
      }
    }
    const n = Math.min(left, max, gapToNext);
    tree.insertItems([csumItem(csumKey(at), n)]);
    at += n * sectorBytes;
    left -= n;
  }
}

/** btrfs_lookup_csums_range: the checksummed runs within [start, end). */
export function lookupCsumsRange(tree: BTree, start: number, end: number, sectorBytes: number): CsumRange[] {
  const out: CsumRange[] = [];
  const before = tree.lastBefore(csumKey(start + 1));
  if (isCsum(before) && before.key.offset < start) pushOverlap(out, before, start, end, sectorBytes);
  for (const item of tree.itemsFrom(csumKey(start))) {
    if (!isCsum(item) || item.key.offset >= end) break;
    pushOverlap(out, item, start, end, sectorBytes);
  }
  return out;
}

function pushOverlap(out: CsumRange[], item: Item & { data: CsumData }, start: number, end: number, sectorBytes: number): void {
  const a = Math.max(start, item.key.offset);
  const b = Math.min(end, item.key.offset + item.data.sectors * sectorBytes);
  if (a < b) out.push({ bytenr: a, sectors: (b - a) / sectorBytes });
}

/** A disk range whose checksums are wanted. */
export interface DiskRange {
  readonly start: number;
  readonly end: number;
}

/**
 * copy_items' checksum half for a batch of extents: for each disk range (sorted, disjoint), the
 * kernel looks its checksums up in the csum tree (btrfs_lookup_csums_range: a search and a copy)
 * and records them in the log (btrfs_csum_file_blocks: a search, then nothing more if the log
 * already covers them, else an insert or extend). The simulator moves a cursor through each tree
 * (seekCsum: walking short gaps, searching long ones) and charges the CPU per range as the kernel
 * pays it.
 */
export function copyCsums(csumTree: BTree, log: BTree, ranges: readonly DiskRange[], sectorBytes: number, cpu: CpuMeter): void {
  const first = ranges[0];
  if (first === undefined) return;
  // The checksummed runs, as start and end addresses in the reused scratch array.
  let n = 0;
  let src: LeafCursor | undefined;
  for (const r of ranges) {
    cpu.charge("csumLookup");
    cpu.charge("btreeSearchLevel", csumTree.height);
    src = seekCsum(csumTree, src, r.start, sectorBytes);
    // The items overlapping the range, read a leaf at a time from its items array.
    for (let more = true; more; ) {
      const items = src.leaf.items;
      let slot = src.slot;
      if (slot >= items.length) break; // the end of the tree
      for (; slot < items.length; slot++) {
        const item = items[slot];
        if (!isCsum(item) || item.key.offset >= r.end) {
          more = false;
          break;
        }
        const end = endOf(item, sectorBytes);
        const a = Math.max(r.start, item.key.offset);
        const b = Math.min(r.end, end);
        if (a < b) {
          if (n + 2 > runScratch.length) growRunScratch();
          runScratch[n++] = a;
          runScratch[n++] = b;
        }
        if (end > r.end) {
          more = false;
          break;
        }
      }
      src.skipTo(slot);
    }
  }
  if (n === 0) return;
  const toCow: Key[] = [];
  const toInsert: number[] = [];
  let lastLeaf: Leaf | undefined;
  let dst: LeafCursor | undefined;
  for (let i = 0; i < n; ) {
    const start = runScratch[i] as number;
    const end = runScratch[i + 1] as number;
    dst = seekCsum(log, dst, start, sectorBytes);
    const item = dst.item;
    if (isCsum(item) && item.key.offset <= start && endOf(item, sectorBytes) >= end) {
      // This log item covers the run, and every following run that ends within it (runs ascend):
      // the cursor would stop at it again for each. Charged per run, in the same order.
      const itemEnd = endOf(item, sectorBytes);
      let covered = 0;
      do {
        covered++;
        i += 2;
      } while (i < n && (runScratch[i + 1] as number) <= itemEnd);
      cpu.chargeEach("btreeSearchLevel", log.height, covered);
      if (dst.leaf !== lastLeaf) {
        toCow.push(item.key);
        lastLeaf = dst.leaf;
      }
    } else {
      toInsert.push(start, end);
      i += 2;
    }
  }
  for (const k of toCow) log.searchShared(k, true, false);
  for (let i = 0; i < toInsert.length; i += 2) {
    const start = toInsert[i] as number;
    csumFileBlocks(log, start, ((toInsert[i + 1] as number) - start) / sectorBytes, sectorBytes);
  }
}

/**
 * copyCsums' runs (start, end, start, end, ...): one array for the whole run of the simulator,
 * grown when a batch needs more, so collecting runs allocates nothing. copyCsums does not nest.
 */
let runScratch = new Float64Array(256);

function growRunScratch(): void {
  const bigger = new Float64Array(runScratch.length * 2);
  bigger.set(runScratch);
  runScratch = bigger;
}

/** Steps a cursor walks forward to the next range before it searches afresh. */
const CSUM_WALK_STEPS = 8;

/**
 * A cursor on the csum item holding `bytenr` or the first after it (ranges ascend): walked on from
 * `cursor` when that is a few items away, else a new search, as the kernel's lookup per range is.
 * The result is the same either way; walking saves the simulator a search, searching saves it
 * the walk over every csum item between two distant ranges.
 */
function seekCsum(tree: BTree, cursor: LeafCursor | undefined, bytenr: number, sectorBytes: number): LeafCursor {
  if (cursor !== undefined) {
    for (let steps = 0; steps < CSUM_WALK_STEPS; steps++) {
      const item = cursor.item;
      if (!isCsum(item)) break;
      if (endOf(item, sectorBytes) > bytenr) return cursor;
      cursor.next();
    }
  }
  const fresh = tree.cursorAtOrBefore(csumKey(bytenr));
  for (let item = fresh.item; isCsum(item) && endOf(item, sectorBytes) <= bytenr; item = fresh.item) fresh.next();
  return fresh;
}

/** Makes every leaf of `tree` that holds checksum items writable (COW where needed), uncharged. */
export function cowCsumLeaves(tree: BTree): void {
  const firstKeys: Key[] = [];
  for (const leaf of tree.leavesFrom(csumKey(0))) {
    const first = leaf.items[0];
    const last = leaf.items[leaf.items.length - 1];
    if (!isCsum(last)) continue;
    if (leaf.written || leaf.generation !== tree.transidOfHost) firstKeys.push(isCsum(first) ? first.key : last.key);
  }
  for (const k of firstKeys) tree.searchShared(k, true, false);
}

/** btrfs_del_csums: removes checksums for [start, start+len). */
export function deleteCsums(tree: BTree, start: number, len: number, sectorBytes: number): void {
  const end = start + len;
  const pieces: Item[] = [];
  const victims: Item[] = [];
  const before = tree.lastBefore(csumKey(start + 1));
  const candidates: Item[] = [];
  if (isCsum(before) && before.key.offset < start) candidates.push(before);
  for (const item of tree.itemsFrom(csumKey(start))) {
    if (!isCsum(item) || item.key.offset >= end) break;
    candidates.push(item);
  }
  for (const item of candidates) {
    if (!isCsum(item) || endOf(item, sectorBytes) <= start) continue;
    victims.push(item);
    if (item.key.offset < start) pieces.push(csumItem(item.key, (start - item.key.offset) / sectorBytes));
    if (endOf(item, sectorBytes) > end) pieces.push(csumItem(csumKey(end), (endOf(item, sectorBytes) - end) / sectorBytes));
  }
  for (const v of victims) {
    const path = tree.searchShared(v.key, true);
    tree.deleteItems(path, path.slots[0] as number, 1);
  }
  for (const p of pieces) tree.insertItems([p]);
}
