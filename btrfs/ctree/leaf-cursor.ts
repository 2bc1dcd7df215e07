// Cursors over a tree's items in key order, across leaves (a simulator measure): copyCsums walks
// the csum tree and a log this way, item by item, and counts a run of items a leaf at a time by
// binary search. Uncharged (the kernel work they stand for is charged by their callers), each on
// a path of its own, and valid only until the tree changes.
import { partitionPointOf } from "../../lib/partition-point.ts";
import type { Item } from "./items.ts";
import type { Key } from "./key.ts";
import { leafBefore, nextLeaf } from "./next-leaf.ts";
import type { Path } from "./path.ts";
import { UNCHARGED_COPY, searchSlot } from "./search.ts";
import type { Leaf } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/** Walks items in key order from a position, across leaves; valid until the tree changes. */
export class LeafCursor {
  private readonly path: Path;

  /** A cursor at the path's slot (the caller's own path: the cursor moves it), or the next item after. */
  constructor(path: Path) {
    this.path = path;
    this.settle();
  }

  /** The current leaf. */
  get leaf(): Leaf {
    return this.path.nodes[0] as Leaf;
  }

  /** The current item, or undefined past the end of the tree. */
  get item(): Item | undefined {
    return this.leaf.items[this.path.slots[0] as number];
  }

  /** Moves to the next item. */
  next(): void {
    this.path.slots[0] = (this.path.slots[0] as number) + 1;
    this.settle();
  }

  /**
   * Moves past the items for which `holds` is true, which must be a prefix of the items from here
   * on (true, then false for the rest); returns how many. Binary search within each leaf: a leaf's
   * worth of items costs a few probes, not a visit each.
   */
  skipWhile(holds: (item: Item) => boolean): number {
    let skipped = 0;
    for (;;) {
      const items = this.leaf.items;
      const from = this.path.slots[0] as number;
      if (from >= items.length) return skipped; // the end of the tree
      // partitionPointOf over [from, length) with the caller's test, made once per walk: a closure
      // per leaf was a tenth of the bytes a run allocated.
      const upto = partitionPointOf(items, from, undefined, holds);
      skipped += upto - from;
      this.path.slots[0] = upto;
      this.settle(); // at the leaf's end: on to the next leaf's first item
      if (upto < items.length) return skipped;
    }
  }

  /** At a leaf's end, on to the next leaf's first item (btrfs_next_leaf), if there is one. */
  private settle(): void {
    while ((this.path.slots[0] as number) >= this.leaf.items.length) {
      if (nextLeaf(this.path) === undefined) return;
    }
  }
}

/** A cursor at the first item >= `k`. */
export function cursorAt(t: TreeState, k: Key): LeafCursor {
  return new LeafCursor(searchSlot(t, k, UNCHARGED_COPY));
}

/** A cursor at the last item with a key <= `k` (or the first item). */
export function cursorAtOrBefore(t: TreeState, k: Key): LeafCursor {
  const path = searchSlot(t, k, UNCHARGED_COPY);
  if (!path.found) {
    const slot = path.slots[0] as number;
    if (slot > 0) path.slots[0] = slot - 1;
    else {
      const prev = leafBefore(path);
      const last = prev?.items[prev.items.length - 1];
      if (last !== undefined) return new LeafCursor(searchSlot(t, last.key, UNCHARGED_COPY));
    }
  }
  return new LeafCursor(path);
}

/** The leaves from the one holding `k` to the end of the tree. */
export function* leavesFrom(t: TreeState, k: Key): Generator<Leaf, void, undefined> {
  const path = searchSlot(t, k, UNCHARGED_COPY);
  for (let leaf: Leaf | undefined = path.nodes[0] as Leaf; leaf !== undefined; leaf = nextLeaf(path)) yield leaf;
}
