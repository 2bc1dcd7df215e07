// Tree blocks (extent buffers): leaves hold items, nodes hold key pointers. Each carries the header
// fields the model needs: its logical address, the transaction that created it (generation), the
// tree that owns it, and whether it has been written (BTRFS_HEADER_FLAG_WRITTEN), which decides
// copy-on-write (ctree.c should_cow_block).
import type { Item } from "./items.ts";
import type { Key } from "./key.ts";

interface BlockHeader {
  bytenr: number;
  generation: number;
  readonly owner: number;
  /** Set once the block has been submitted for writing; a written block must be COWed to change. */
  written: boolean;
  /** Its place in its tree's dirty list, -1 when not dirty (simulator bookkeeping: DirtyBlocks). */
  dirtyAt: number;
}

export interface Leaf extends BlockHeader {
  readonly level: 0;
  items: Item[];
  /** Bytes used in the data area: item headers plus payloads. */
  usedBytes: number;
  /** Bumped on every change to the items, so derived data can be cached per leaf (simulator only). */
  version: number;
  /**
   * The items array is also held elsewhere (the image of a write of this leaf, a cached copy of an
   * fs leaf that filled this log leaf, or the one empty array that new leaves start with), so it
   * must be copied before it changes (simulator only: sharing makes a block image cost one
   * reference, not one per item; shared-items.ts). A COW keeps the array and this flag as they were.
   */
  itemsShared: boolean;
}

export interface Node extends BlockHeader {
  readonly level: number;
  /** keys[i] is the first key of children[i]. */
  keys: Key[];
  children: TreeBlock[];
}

export type TreeBlock = Leaf | Node;

export function isLeaf(block: TreeBlock): block is Leaf {
  return block.level === 0;
}

/** The first key in a block (its key in the parent). */
export function firstKey(block: TreeBlock): Key | undefined {
  return isLeaf(block) ? block.items[0]?.key : block.keys[0];
}
