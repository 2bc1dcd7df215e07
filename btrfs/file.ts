// File extent items of one inode (fs/btrfs/file.c and inode.c at 5dc562c): keyed
// (ino, EXTENT_DATA, file offset), each pointing at part of a disk extent. Writing into prealloc
// space converts the written range to a regular item, splitting the prealloc item in up to three
// and merging with regular neighbours that continue the same disk extent
// (btrfs_mark_extent_written). A COW write first drops whatever covered its range, trimming or
// splitting straddling items (__btrfs_drop_extents), then inserts its own item
// (insert_reserved_file_extent). Every item that points into a disk extent holds one reference on
// it; reference changes go to the delayed refs (fs trees) and are not tracked in log trees.
import type { BTree } from "./ctree/btree.ts";
import { fileExtentItem, type FileExtentData, type Item } from "./ctree/items.ts";
import { KEY_TYPE, key, type Key } from "./ctree/key.ts";
import { COW } from "./ctree/search.ts";
import type { DelayedRefs } from "./delayed-refs.ts";

type ExtentItem = Item & { data: FileExtentData };

export const extentKey = (ino: number, offset: number): Key => key(ino, KEY_TYPE.EXTENT_DATA, offset);

const isExtentOf = (ino: number, item: Item | undefined): item is ExtentItem =>
  item !== undefined && item.key.objectid === ino && item.key.type === KEY_TYPE.EXTENT_DATA;
const endOf = (it: ExtentItem): number => it.key.offset + it.data.numBytes;

/** The inode's extent items overlapping [start, end), in order. */
export function overlappingExtents(tree: BTree, ino: number, start: number, end: number): ExtentItem[] {
  const out: ExtentItem[] = [];
  const k = extentKey(ino, start);
  const before = tree.lastBefore(k);
  if (isExtentOf(ino, before) && endOf(before) > start) out.push(before);
  tree.visitFrom(k, (item) => {
    if (!isExtentOf(ino, item) || item.key.offset >= end) return false;
    out.push(item);
    return true;
  });
  return out;
}

/** Number of extent items the inode has in `tree`. */
export function countExtentItems(tree: BTree, ino: number): number {
  return tree.itemsInRange(extentKey(ino, 0), extentKey(ino, Number.MAX_SAFE_INTEGER)).length;
}

/** Replaces a run of consecutive extent items with another run covering the same keys' span. */
function replaceRun(tree: BTree, oldItems: readonly Item[], newItems: readonly Item[]): void {
  for (const old of oldItems) {
    const path = tree.search(old.key, COW);
    if (!path.found) throw new Error(`replaceRun: item ${old.key.offset} vanished`);
    tree.deleteItems(path, path.slots[0] as number, 1);
  }
  if (newItems.length > 0) tree.insertItems(newItems);
}

/** The part of `it` covering [start, end), keyed at `start`. */
function slice(it: ExtentItem, start: number, end: number, changes: Partial<FileExtentData> = {}): ExtentItem {
  const d = it.data;
  return fileExtentItem(extentKey(it.key.objectid, start), {
    extentType: d.extentType,
    generation: d.generation,
    diskBytenr: d.diskBytenr,
    diskNumBytes: d.diskNumBytes,
    offset: d.offset + (start - it.key.offset),
    numBytes: end - start,
    ...changes,
  }) as ExtentItem;
}

/** Adds the reference changes of replacing `oldItems` by `newItems` (holes hold none). */
function queueRefs(refs: DelayedRefs | undefined, oldItems: readonly ExtentItem[], newItems: readonly ExtentItem[]): void {
  if (refs === undefined) return;
  for (const it of oldItems) if (it.data.diskBytenr !== 0) refs.add(it.data.diskBytenr, it.data.diskNumBytes, false, -1);
  for (const it of newItems) if (it.data.diskBytenr !== 0) refs.add(it.data.diskBytenr, it.data.diskNumBytes, false, +1);
}

/**
 * btrfs_mark_extent_written: [start, end), inside one prealloc item, has been written.
 * Returns the change in the inode's number of extent items.
 */
export function markExtentWritten(tree: BTree, refs: DelayedRefs | undefined, ino: number, start: number, end: number, transid: number): number {
  const [p] = overlappingExtents(tree, ino, start, end);
  if (p === undefined || p.data.extentType !== "prealloc" || p.key.offset > start || endOf(p) < end) {
    throw new Error(`markExtentWritten: [${start}, ${end}) of inode ${ino} is not inside one prealloc item`);
  }
  const origOffset = p.key.offset - p.data.offset;
  const mergeable = (x: Item | undefined): x is ExtentItem =>
    isExtentOf(ino, x) && x.data.extentType === "reg" && x.data.diskBytenr === p.data.diskBytenr && x.key.offset - x.data.offset === origOffset;
  const prev = tree.lastBefore(p.key);
  const next = tree.firstAtOrAfter(extentKey(ino, endOf(p)));
  const mergePrev = start === p.key.offset && mergeable(prev) && endOf(prev) === start;
  const mergeNext = end === endOf(p) && mergeable(next) && next.key.offset === end;
  const gen = { generation: transid };
  const oldRun: ExtentItem[] = [...(mergePrev ? [prev] : []), p, ...(mergeNext ? [next] : [])];
  const newRun: ExtentItem[] = [];
  if (start > p.key.offset) newRun.push(slice(p, p.key.offset, start, gen));
  const writtenStart = mergePrev ? prev.key.offset : start;
  const writtenEnd = mergeNext ? endOf(next) : end;
  const base = mergePrev ? prev : p;
  newRun.push(slice(base, writtenStart, writtenEnd, { extentType: "reg", generation: transid }));
  if (end < endOf(p)) newRun.push(slice(p, end, endOf(p), gen));
  queueRefs(refs, oldRun, newRun);
  replaceRun(tree, oldRun, newRun);
  return newRun.length - oldRun.length;
}

/**
 * __btrfs_drop_extents: removes the inode's extent items over [start, end), trimming or
 * splitting items that straddle the edges. Returns the change in the number of items.
 */
export function dropExtents(tree: BTree, refs: DelayedRefs | undefined, ino: number, start: number, end: number): number {
  const old = overlappingExtents(tree, ino, start, end);
  if (old.length === 0) return 0;
  const kept: ExtentItem[] = [];
  for (const it of old) {
    if (it.key.offset < start) kept.push(slice(it, it.key.offset, start));
    if (endOf(it) > end) kept.push(slice(it, end, endOf(it)));
  }
  queueRefs(refs, old, kept);
  replaceRun(tree, old, kept);
  return kept.length - old.length;
}

/** Inserts one extent item (a new data extent, a prealloc extent or a hole) and its reference. */
export function insertFileExtent(tree: BTree, refs: DelayedRefs | undefined, ino: number, fileOffset: number, data: Omit<FileExtentData, "kind">): void {
  const item = fileExtentItem(extentKey(ino, fileOffset), data) as ExtentItem;
  queueRefs(refs, [], [item]);
  tree.insertItems([item]);
}
