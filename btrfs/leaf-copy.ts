// A simulator shortcut for copyChangedLeaves (tree-log.ts), not kernel state: what a full log copy
// took from one fs-tree leaf, kept per leaf (FsInfo.leafCopies) while the leaf and the transaction
// stay the same, so that copying the leaf again reuses the items and checksum ranges it found.
import type { Item } from "./ctree/items.ts";
import type { DiskRange } from "./file-item.ts";

/** What a full copy takes from one fs leaf: cached per leaf while the leaf and transaction stay the same. */
export interface LeafCopy {
  readonly version: number;
  readonly transid: number;
  readonly ino: number;
  readonly maxType: number;
  /** Never changed once made: log leaves may share it. */
  readonly items: readonly Item[];
  /** The items' footprint in a leaf, bytes. */
  readonly bytes: number;
  readonly ranges: DiskRange[];
}
