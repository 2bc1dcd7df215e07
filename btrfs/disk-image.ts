// What a btrfs metadata block holds on the device, as far as mounting after a crash needs it: a
// tree block (its header and items, or key pointers with the children's addresses and generations,
// as in struct btrfs_key_ptr) or a superblock's fields. The simulator keeps no bytes; these images
// stand for them. An image is fixed when the block is submitted (a leaf's items array is shared,
// and the btree copies it before it next changes), so later changes in memory do not reach the device.
import type { BlockImage } from "../block/index.ts";
import type { Item } from "./ctree/items.ts";
import type { Key } from "./ctree/key.ts";
import { shareItems } from "./ctree/shared-items.ts";
import { isLeaf, type TreeBlock } from "./ctree/tree-block.ts";

export interface TreeBlockImage extends BlockImage {
  readonly kind: "tree";
  readonly bytenr: number;
  readonly owner: number;
  readonly generation: number;
  readonly level: number;
  /** Leaves: the items. */
  readonly items: readonly Item[] | undefined;
  /** Nodes: key pointers. */
  readonly ptrs: ReadonlyArray<{ readonly key: Key; readonly bytenr: number; readonly generation: number }> | undefined;
}

export interface SuperImage extends BlockImage {
  readonly kind: "super";
  readonly generation: number;
  readonly rootTreeBytenr: number;
  /** 0 when there is no log to replay. */
  readonly logRootBytenr: number;
  /** The log root tree's root generation (super.log_root_transid), to verify it on replay. */
  readonly logRootGeneration: number;
}

/** A copy of `block` as it goes to the device; `dropItem` leaves items out (a crash checker's fault). */
export function treeBlockImage(block: TreeBlock, dropItem?: (item: Item) => boolean): TreeBlockImage {
  if (isLeaf(block)) {
    // The leaf's array is shared, not copied: the btree copies it before its next change.
    const items = dropItem === undefined ? shareItems(block) : block.items.filter((it) => !dropItem(it));
    return { kind: "tree", bytenr: block.bytenr, owner: block.owner, generation: block.generation, level: 0, items, ptrs: undefined };
  }
  const ptrs = block.children.map((c, i) => ({ key: block.keys[i] as Key, bytenr: c.bytenr, generation: c.generation }));
  return { kind: "tree", bytenr: block.bytenr, owner: block.owner, generation: block.generation, level: block.level, items: undefined, ptrs };
}
