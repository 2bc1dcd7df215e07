// The model's read-only lookups, each a btrfs_search_slot and, where it runs off the leaf, a step
// to the next or previous leaf (fs/btrfs/ctree.c, Linux 3.7: btrfs_next_leaf, btrfs_prev_leaf),
// charged as those are: a search, and another per leaf stepped into. The item at a key
// (btrfs_lookup_inode and its kin), the first item at or after a key, the last one before it
// (btrfs_previous_item), and a visit of the items from a key on (a search, then btrfs_next_leaf at
// each leaf's end).
import type { Item } from "./items.ts";
import type { Key } from "./key.ts";
import { leafAfter, leafBefore } from "./next-leaf.ts";
import type { Path } from "./path.ts";
import { READ_ONLY, searchSlot } from "./search.ts";
import type { Leaf } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/** btrfs_search_slot for an exact key (as btrfs_lookup_inode and its kin): the item with key `k`, or undefined. */
export function lookupItem(t: TreeState, k: Key): Item | undefined {
  const path = searchSlot(t, k, READ_ONLY);
  return path.found ? (path.nodes[0] as Leaf).items[path.slots[0] as number] : undefined;
}

/** btrfs_search_slot, then btrfs_next_leaf past the leaf's end: the first item at or after `k`. */
export function firstItemAtOrAfter(t: TreeState, k: Key): Item | undefined {
  const path = searchSlot(t, k, READ_ONLY);
  const leaf = path.nodes[0] as Leaf;
  const item = leaf.items[path.slots[0] as number];
  if (item !== undefined) return item;
  const next = leafAfter(path);
  return next?.items[0];
}

/**
 * btrfs_search_slot, then the slot before it, in the previous leaf if need be (as
 * btrfs_previous_item): the last item before `k`, or undefined.
 */
export function lastItemBefore(t: TreeState, k: Key): Item | undefined {
  const path = searchSlot(t, k, READ_ONLY);
  const leaf = path.nodes[0] as Leaf;
  const slot = path.slots[0] as number;
  if (slot > 0) return leaf.items[slot - 1];
  const prev = leafBefore(path);
  return prev?.items[prev.items.length - 1];
}

/**
 * btrfs_search_slot, then btrfs_next_leaf at each leaf's end: calls `visit` on the items from the
 * first key >= `k` onwards, in order, until it returns false. Walks the tree's own path, so `visit`
 * must neither change nor search this tree.
 */
export function visitItemsFrom(t: TreeState, k: Key, visit: (item: Item) => boolean): void {
  let path: Path = searchSlot(t, k, READ_ONLY);
  let leaf = path.nodes[0] as Leaf;
  let slot = path.slots[0] as number;
  for (;;) {
    for (; slot < leaf.items.length; slot++) if (!visit(leaf.items[slot] as Item)) return;
    const next = leafAfter(path);
    if (next === undefined) return;
    // Re-point the path at the next leaf so that a further step continues from it.
    path = searchSlot(t, next.items[0]?.key ?? k, READ_ONLY);
    leaf = next;
    slot = 0;
  }
}
