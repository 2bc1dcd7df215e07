// Leaves sharing their items arrays, a simulator measure (a kernel leaf is its own bytes). A
// leaf's items array may also be held elsewhere: the image of a write of the leaf, a cached copy
// of an fs leaf that filled a log leaf, or the one empty array that new leaves start with. Such an
// array is marked shared (Leaf.itemsShared) and copied before its first change, so that imaging a
// block or filling a leaf from a cached batch costs one reference, not one per item.
import type { Item } from "./items.ts";
import type { Leaf } from "./tree-block.ts";

/**
 * The items of a new empty leaf, shared by all of them (marked shared, so copied before a change):
 * a leaf made for a batch that takes the batch's own array never needs an array of its own.
 */
export const NO_ITEMS: Item[] = []; // not frozen: a frozen array would make item reads polymorphic

/** The leaf's items, safe to change in place: a shared array is copied first. */
export function writableItems(leaf: Leaf): Item[] {
  if (leaf.itemsShared) {
    leaf.items = leaf.items.slice();
    leaf.itemsShared = false;
  }
  return leaf.items;
}

/** The leaf's items array, marked shared: it will not change under the caller. */
export function shareItems(leaf: Leaf): readonly Item[] {
  leaf.itemsShared = true;
  return leaf.items;
}

/** An empty leaf takes `items` (which its owner never changes) as its own array, shared. */
export function adoptItems(leaf: Leaf, items: readonly Item[]): void {
  leaf.items = items as Item[];
  leaf.itemsShared = true;
}

/** The leaf's items all go at once; the old array is left as it was (others may hold it). */
export function dropAllItems(leaf: Leaf): void {
  leaf.items = NO_ITEMS;
  leaf.itemsShared = true;
}
