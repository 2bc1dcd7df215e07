// Putting items into a leaf (fs/btrfs/ctree.c, Linux 3.7: btrfs_insert_empty_items ->
// setup_items_for_insert), for a batch of items with consecutive keys as copy_items inserts them;
// an item put beside the one a path is at (btrfs_duplicate_item); and writing an item's new
// contents in its slot. A search with cow = 1 finds the place; a leaf without room pushes items to
// a neighbour or splits first (split_leaf, split.ts); an insert at slot 0 changes the leaf's key in
// its parents (fixup_low_keys).
import { insertAt } from "./array-edits.ts";
import { fixupLowKeys } from "./fixup-low-keys.ts";
import { itemFootprint, type Item } from "./items.ts";
import { compareKeys, keyText } from "./key.ts";
import { leafSpaceUsed } from "./leaf-space.ts";
import type { Path } from "./path.ts";
import { COW, searchSlot } from "./search.ts";
import { adoptItems, writableItems } from "./shared-items.ts";
import { splitLeaf } from "./split.ts";
import type { Leaf } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/**
 * btrfs_insert_empty_items for a batch: inserts `items` (sorted, none present, no present key
 * between their first and last) at their place; `batchBytes` is their footprint if known. With
 * `immutable` (the caller never changes the array), an empty leaf takes the array itself, shared.
 */
export function insertEmptyItems(t: TreeState, items: readonly Item[], batchBytes: number | undefined, immutable: boolean): void {
  const first = items[0];
  if (first === undefined) return;
  const path = searchSlot(t, first.key, COW);
  if (path.found) throw new Error(`insert: key (${keyText(first.key)}) already present in tree ${t.owner}`);
  let leaf = path.nodes[0] as Leaf;
  const next = leaf.items[path.slots[0] as number];
  const last = items[items.length - 1] as Item;
  if (next !== undefined && compareKeys(next.key, last.key) <= 0) {
    throw new Error(`insert: batch (${keyText(first.key)})..(${keyText(last.key)}) straddles (${keyText(next.key)})`);
  }
  const bytes = batchBytes ?? leafSpaceUsed(items);
  if (bytes > t.leafCapacityBytes) throw new Error(`insert: a batch of ${bytes} bytes cannot fit one leaf`);
  if (leaf.usedBytes + bytes > t.leafCapacityBytes) {
    splitLeaf(t, path, first.key, bytes);
    leaf = path.nodes[0] as Leaf;
  }
  // setup_items_for_insert:
  const slot = path.slots[0] as number;
  // An immutable batch filling an empty leaf becomes its items array: one reference, not a copy per item.
  if (immutable && leaf.items.length === 0) adoptItems(leaf, items);
  else insertAt(writableItems(leaf), slot, items);
  leaf.usedBytes += bytes;
  leaf.version++;
  t.host.cpu.charge("itemInsert", items.length);
  if (slot === 0) fixupLowKeys(t, path);
  // The next batch of a copy usually follows this one: the slot after it is the next search's hint.
  path.slots[0] = slot + items.length;
}

/**
 * btrfs_duplicate_item: inserts `item` (the path's item split at a later key, below the next item's
 * key) in the slot after the path's, in the path's leaf, which the caller's search with cow = 1
 * made writable; the path then points at it. With room in the leaf that is setup_items_for_insert
 * alone, no search; without, setup_leaf_for_split searches again and splits the leaf first (the
 * insert below, charged as such).
 */
export function duplicateItem(t: TreeState, path: Path, item: Item): void {
  const leaf = path.nodes[0] as Leaf;
  const bytes = itemFootprint(item);
  if (leaf.usedBytes + bytes > t.leafCapacityBytes) {
    insertEmptyItems(t, [item], bytes, false);
    return;
  }
  const slot = (path.slots[0] as number) + 1;
  insertAt(writableItems(leaf), slot, [item]);
  leaf.usedBytes += bytes;
  leaf.version++;
  t.host.cpu.charge("itemInsert", 1);
  path.slots[0] = slot;
}

/**
 * Writes `item` over the item at the path's leaf slot (same place in key order; it must fit): the
 * kernel's write of an item's data in place, with btrfs_extend_item or btrfs_truncate_item first
 * where its size changes.
 */
export function replaceItem(t: TreeState, path: Path, item: Item): void {
  const leaf = path.nodes[0] as Leaf;
  const slot = path.slots[0] as number;
  const old = leaf.items[slot] as Item;
  if (leaf.usedBytes + item.size - old.size > t.leafCapacityBytes) throw new Error("replaceItem: the leaf has no room to grow the item");
  writableItems(leaf)[slot] = item;
  leaf.usedBytes += item.size - old.size;
  leaf.version++;
  if (slot === 0 && compareKeys(old.key, item.key) !== 0) fixupLowKeys(t, path);
}
