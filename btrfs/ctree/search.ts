// btrfs_search_slot (fs/btrfs/ctree.c, Linux 3.7): the path from the root to the leaf slot where a
// key is, or would go. At each node the slot is the last key at or before the search key
// (bin_search), in the leaf the first item at or after it; a search for a change (cow = 1) makes
// every block on the way writable first (btrfs_cow_block). CPU: a search level per block on the
// path.
//
// The path is the tree's own (the finger, finger.ts) unless the caller asks for a copy. A search
// whose key lies in the last search's leaf, with nothing moved since, reuses that path instead of
// descending (a simulator shortcut with the same result): it makes the COWs the descent would make
// along it, and is charged per level all the same.
import { lowerBound, upperBound } from "./bin-search.ts";
import { cowBlock } from "./cow.ts";
import type { Finger } from "./finger.ts";
import type { Item } from "./items.ts";
import { compareKeys, type Key } from "./key.ts";
import { copyPath, type Path } from "./path.ts";
import { isLeaf, type Leaf, type TreeBlock } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/** How btrfs_search_slot is asked to search. */
export interface SearchOptions {
  /** cow = 1: every block on the path made writable (COWed where should_cow_block says so). Default false. */
  readonly cow?: boolean;
  /**
   * Charge a search level per block on the path to the CPU meter. Default true; false for the
   * simulator's own searches, whose kernel work is charged elsewhere or has no kernel counterpart.
   */
  readonly charge?: boolean;
  /**
   * Return a copy of the path for the caller to keep, which later searches and changes of the tree
   * do not move. Default false: the tree's own path, valid until the next search or change of this
   * tree, for a caller that reads it and hands it straight back (to replaceItem or deleteItems).
   */
  readonly copy?: boolean;
}

// The searches the tree's own code makes, as constants (all of one shape): no object per search.

/** A read-only search, charged; the tree's own path. */
export const READ_ONLY: SearchOptions = { cow: false, charge: true, copy: false };
/** A search before a change (cow = 1), charged; the tree's own path. */
export const COW: SearchOptions = { cow: true, charge: true, copy: false };
/** A read-only search of the simulator's own: uncharged, a path of the caller's own. */
export const UNCHARGED_COPY: SearchOptions = { cow: false, charge: false, copy: true };

/**
 * btrfs_search_slot: the path to `k`. `found` if `k` is at slots[0] of the leaf; otherwise
 * slots[0] is where it would go (possibly one past the leaf's last item).
 */
export function searchSlot(t: TreeState, k: Key, opts: SearchOptions): Path {
  const cow = opts.cow === true;
  const f = t.finger;
  if (!f.holds(k, t.shapeVersion)) descend(t, k, cow);
  else if (cow) cowPath(t, f);
  const items = (f.nodes[0] as Leaf).items;
  // Searches come in runs around one place (a lookup, then an insert or a walk from the same
  // key): try the last slot before bisecting. It is the answer exactly when it parts the items
  // before k from the rest, whatever leaf it came from.
  const hint = f.slots[0];
  const slot =
    hint !== undefined && hint <= items.length && (hint === 0 || compareKeys((items[hint - 1] as Item).key, k) < 0) && (hint === items.length || compareKeys((items[hint] as Item).key, k) >= 0)
      ? hint
      : lowerBound(items, k);
  f.slots[0] = slot;
  const item = items[slot];
  f.found = item !== undefined && compareKeys(item.key, k) === 0;
  if (opts.charge !== false) t.host.cpu.charge("btreeSearchLevel", f.nodes.length);
  return opts.copy === true ? copyPath(f) : f;
}

/**
 * btrfs_search_slot's descent from the root to the leaf for `k`, into the finger: at each node the
 * slot of the last key <= k, each block COWed on the way with `cow`.
 */
function descend(t: TreeState, k: Key, cow: boolean): void {
  const f = t.finger;
  let block = cow ? cowBlock(t, t.root) : t.root;
  // Setting an array's length is a runtime call even when it does not change: only on a change of height.
  const height = block.level + 1;
  if (f.nodes.length !== height) f.nodes.length = height;
  if (f.slots.length !== height) f.slots.length = height;
  while (!isLeaf(block)) {
    f.nodes[block.level] = block;
    const slot = Math.max(0, upperBound(block.keys, k) - 1);
    f.slots[block.level] = slot;
    const child = block.children[slot] as TreeBlock;
    block = cow ? cowBlock(t, child) : child;
  }
  f.nodes[0] = block;
  f.pin(t.shapeVersion);
}

/** The COWs a descent along the finger's path would make, root first (in place: the finger stays valid). */
function cowPath(t: TreeState, f: Finger): void {
  const nodes = f.nodes;
  for (let l = nodes.length - 1; l >= 0; l--) cowBlock(t, nodes[l] as TreeBlock);
}
