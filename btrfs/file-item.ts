// Checksum items (fs/btrfs/file-item.c): crc32c per data sector, kept in items keyed
// (EXTENT_CSUM_OBJECTID, EXTENT_CSUM, disk address of the first sector). New checksums overwrite
// an item that covers them, extend the item that ends just before them while it and its leaf have
// room, or go into a new item (btrfs_csum_file_blocks). The same code fills the csum tree at
// ordered-extent completion and the log tree in copy_items.
import type { CpuMeter } from "./cpu/index.ts";
import type { BTree } from "./ctree/btree.ts";
import { ITEM_HEADER_BYTES, CSUM_BYTES_PER_SECTOR, csumItem, type CsumData, type Item } from "./ctree/items.ts";
import { KEY_TYPE, OBJECTID, key, type Key } from "./ctree/key.ts";
import type { LeafCursor } from "./ctree/leaf-cursor.ts";
import { COW } from "./ctree/search.ts";
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
    const path = tree.search(csumKey(at), COW);
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
  tree.visitFrom(csumKey(start), (item) => {
    if (!isCsum(item) || item.key.offset >= end) return false;
    pushOverlap(out, item, start, end, sectorBytes);
    return true;
  });
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
 * already covers them, else an insert or extend). A run is a csum item overlapping a range,
 * clipped to it; the kernel charges a log search per run, and inserts the runs no single log item
 * covers.
 *
 * The simulator moves a cursor through each tree (seekCsum: walking short gaps, searching long
 * ones). A log item that covers a run covers every following run that ends within it, so from one
 * such run on, the runs are counted a leaf at a time by binary search (LeafCursor.skipWhile)
 * instead of visited; a re-logged merged extent has hundreds of runs under a handful of log items.
 * Charges are those of a visit per run, in the same order.
 */
export function copyCsums(csumTree: BTree, log: BTree, ranges: readonly DiskRange[], sectorBytes: number, cpu: CpuMeter): void {
  if (ranges.length === 0) return;
  for (let i = 0; i < ranges.length; i++) {
    cpu.charge("csumLookup");
    cpu.charge("btreeSearchLevel", csumTree.height);
  }
  /** Runs found inside a log item. */
  let covered = 0;
  /** End of the log item that covers the runs counted last; -Infinity when the last run was not covered. */
  let coverEnd = -Infinity;
  const toCow: Key[] = [];
  const toInsert: number[] = [];
  let lastLeaf: Leaf | undefined;
  let src: LeafCursor | undefined;
  let dst: LeafCursor | undefined;
  // The test skipWhile applies, against `limit` (made once per call, not once per use).
  let limit = 0;
  const endsBy = (it: Item): boolean => isCsum(it) && endOf(it, sectorBytes) <= limit;
  for (const r of ranges) {
    src = seekCsum(csumTree, src, r.start, sectorBytes);
    for (;;) {
      if (coverEnd >= r.end) {
        // Every run left in the range ends inside the covering log item. An item reaching past
        // the range stays under the cursor: the next range may start inside it.
        limit = r.end;
        covered += src.skipWhile(endsBy);
        const last = src.item;
        if (isCsum(last) && last.key.offset < r.end) covered++;
        break;
      }
      if (coverEnd > -Infinity) {
        limit = coverEnd;
        covered += src.skipWhile(endsBy);
      }
      const item = src.item;
      if (!isCsum(item) || item.key.offset >= r.end) break;
      const a = Math.max(r.start, item.key.offset);
      const b = Math.min(r.end, endOf(item, sectorBytes));
      dst = seekCsum(log, dst, a, sectorBytes);
      const logged = dst.item;
      if (isCsum(logged) && logged.key.offset <= a && endOf(logged, sectorBytes) >= b) {
        covered++;
        coverEnd = endOf(logged, sectorBytes);
        if (dst.leaf !== lastLeaf) {
          toCow.push(logged.key);
          lastLeaf = dst.leaf;
        }
      } else {
        toInsert.push(a, b);
        coverEnd = -Infinity;
      }
      if (b === r.end) break; // the item may reach into the next range: leave the cursor on it
      src.next();
    }
  }
  cpu.chargeEach("btreeSearchLevel", log.height, covered);
  for (const k of toCow) log.search(k, { cow: true, charge: false });
  for (let i = 0; i < toInsert.length; i += 2) {
    const start = toInsert[i] as number;
    csumFileBlocks(log, start, ((toInsert[i + 1] as number) - start) / sectorBytes, sectorBytes);
  }
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
  for (const k of firstKeys) tree.search(k, { cow: true, charge: false });
}

/** btrfs_del_csums: removes checksums for [start, start+len). */
export function deleteCsums(tree: BTree, start: number, len: number, sectorBytes: number): void {
  const end = start + len;
  const pieces: Item[] = [];
  const victims: Item[] = [];
  const before = tree.lastBefore(csumKey(start + 1));
  const candidates: Item[] = [];
  if (isCsum(before) && before.key.offset < start) candidates.push(before);
  tree.visitFrom(csumKey(start), (item) => {
    if (!isCsum(item) || item.key.offset >= end) return false;
    candidates.push(item);
    return true;
  });
  for (const item of candidates) {
    if (!isCsum(item) || endOf(item, sectorBytes) <= start) continue;
    victims.push(item);
    if (item.key.offset < start) pieces.push(csumItem(item.key, (start - item.key.offset) / sectorBytes));
    if (endOf(item, sectorBytes) > end) pieces.push(csumItem(csumKey(end), (endOf(item, sectorBytes) - end) / sectorBytes));
  }
  for (const v of victims) {
    const path = tree.search(v.key, COW);
    tree.deleteItems(path, path.slots[0] as number, 1);
  }
  for (const p of pieces) tree.insertItems([p]);
}
