// File extent items of one inode (fs/btrfs/file.c and inode.c at 5dc562c): keyed
// (ino, EXTENT_DATA, file offset), each pointing at part of a disk extent. Writing into prealloc
// space converts the written range to a regular item, splitting the prealloc item in up to three
// and merging with regular neighbours that continue the same disk extent
// (btrfs_mark_extent_written). A COW write first drops whatever covered its range
// (__btrfs_drop_extents: one search, the items wholly inside deleted with one btrfs_del_items per
// leaf, an item straddling an edge trimmed in place or split in two), then inserts its own item
// (insert_reserved_file_extent). Every item that points into a disk extent holds one reference on
// it; reference changes go to the delayed refs (fs trees) and are not tracked in log trees.
import type { BTree } from "./ctree/btree.ts";
import { fileExtentItem, type FileExtentData, type Item } from "./ctree/items.ts";
import { KEY_TYPE, key, type Key } from "./ctree/key.ts";
import { leafAfter } from "./ctree/next-leaf.ts";
import type { Path } from "./ctree/path.ts";
import { COW } from "./ctree/search.ts";
import type { Leaf } from "./ctree/tree-block.ts";
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

/**
 * btrfs_mark_extent_written's edits, as the model makes them: a run of consecutive extent items
 * replaced by another covering the same keys' span (a search and a delete per old item, one batched
 * insert).
 */
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
 * __btrfs_drop_extents (file.c, 3.7): removes the inode's extent items over [start, end) of
 * `tree` (an fs tree, whose references go to `refs`, or a log, `refs` undefined). One search with
 * cow = 1 at `start` (stepping back to an item that begins before it), then a walk along the leaf:
 * an item over both edges is split (btrfs_duplicate_item) and trimmed either side; one over the
 * end has its front cut off in place (btrfs_set_item_key_safe); one over the start its tail; the
 * items wholly inside are gathered (del_slot, del_nr) and deleted with one btrfs_del_items when the
 * walk ends or reaches the leaf's last slot, after which it searches again for the next leaf's
 * items. A walk past the leaf's end otherwise steps to the next leaf (btrfs_next_leaf, charged as
 * its search) and, if an item there is in range, searches again with cow = 1 (recow). Returns the
 * change in the number of items. The kernel's first search is read-only when `start` is at or past
 * the on-disk i_size (modify_tree = 0); the model always searches with cow = 1, which for an
 * append finds nothing to drop and COWs the path the insert that follows COWs anyway.
 */
export function dropExtents(tree: BTree, refs: DelayedRefs | undefined, ino: number, start: number, end: number): number {
  const walk: DropWalk = { tree, refs, ino, start, end, path: tree.search(extentKey(ino, start), COW), searchStart: start, delSlot: 0, delNr: 0, change: 0 };
  while (dropFromLeaf(walk)) walk.path = tree.search(extentKey(ino, walk.searchStart), COW);
  if (walk.delNr > 0) {
    tree.deleteItems(walk.path, walk.delSlot, walk.delNr);
    walk.change -= walk.delNr;
  }
  return walk.change;
}

/** __btrfs_drop_extents' state between searches. */
interface DropWalk {
  readonly tree: BTree;
  readonly refs: DelayedRefs | undefined;
  readonly ino: number;
  readonly start: number;
  readonly end: number;
  /** The tree's path, from the last search. */
  path: Path;
  /** Where the next search goes (search_start). */
  searchStart: number;
  /** The run of wholly covered items in the path's leaf awaiting btrfs_del_items (del_slot, del_nr). */
  delSlot: number;
  delNr: number;
  /** The change in the number of items so far. */
  change: number;
}

/**
 * One pass of __btrfs_drop_extents' loop from a search's path: the walk along the leaf (and into
 * the next one). True if it must search again at walk.searchStart.
 */
function dropFromLeaf(walk: DropWalk): boolean {
  const { tree, refs, ino, start, end } = walk;
  let path = walk.path;
  let leaf = path.nodes[0] as Leaf;
  // An item that begins before the range may reach into it: start from it.
  const at = path.slots[0] as number;
  if (walk.searchStart === start && !path.found && at > 0 && isExtentOf(ino, leaf.items[at - 1])) path.slots[0] = at - 1;
  let recow = false;
  for (;;) {
    let slot = path.slots[0] as number;
    if (slot >= leaf.items.length) {
      const firstKey = leafAfter(path)?.items[0]?.key;
      if (firstKey === undefined) return false;
      // btrfs_next_leaf: a read-only search for the next leaf.
      path = walk.path = tree.search(firstKey);
      leaf = path.nodes[0] as Leaf;
      slot = path.slots[0] as number;
      recow = true;
    }
    const it = leaf.items[slot];
    if (!isExtentOf(ino, it) || it.key.offset >= end) return false;
    const extentEnd = endOf(it);
    if (extentEnd <= walk.searchStart) {
      path.slots[0] = slot + 1;
      continue;
    }
    walk.searchStart = Math.max(it.key.offset, start);
    // Stepped into a leaf read-only: search it again with cow = 1 before changing it.
    if (recow) return true;
    if (start > it.key.offset && end < extentEnd) {
      // The range inside the extent: split it, keeping both ends.
      tree.replaceItem(path, slice(it, it.key.offset, start));
      const tail = slice(it, end, extentEnd);
      tree.duplicateItem(path, tail);
      queueRefs(refs, [], [tail]);
      walk.change++;
      return false;
    }
    if (start <= it.key.offset && end < extentEnd) {
      // The range over the extent's front: the item now begins at `end`.
      tree.replaceItem(path, slice(it, end, extentEnd));
      return false;
    }
    walk.searchStart = extentEnd;
    if (start > it.key.offset) {
      // The range over the extent's tail: the item now ends at `start`.
      tree.replaceItem(path, slice(it, it.key.offset, start));
      if (end === extentEnd) return false;
      path.slots[0] = slot + 1;
      continue;
    }
    // Wholly inside: gathered for one btrfs_del_items in this leaf.
    if (walk.delNr === 0) walk.delSlot = slot;
    walk.delNr++;
    queueRefs(refs, [it], []);
    if (end === extentEnd) return false;
    if (slot + 1 < leaf.items.length) {
      path.slots[0] = slot + 1;
      continue;
    }
    tree.deleteItems(path, walk.delSlot, walk.delNr);
    walk.change -= walk.delNr;
    walk.delNr = 0;
    return true;
  }
}

/** Inserts one extent item (a new data extent, a prealloc extent or a hole) and its reference. */
export function insertFileExtent(tree: BTree, refs: DelayedRefs | undefined, ino: number, fileOffset: number, data: Omit<FileExtentData, "kind">): void {
  const item = fileExtentItem(extentKey(ino, fileOffset), data) as ExtentItem;
  queueRefs(refs, [], [item]);
  tree.insertItems([item]);
}
