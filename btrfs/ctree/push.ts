// Pushing items into a neighbouring leaf to make room for an insert (fs/btrfs/ctree.c, Linux 3.7:
// push_leaf_right and push_leaf_left, which split_leaf tries before it splits): the items after the
// insertion point move to the right neighbour, or those before it to the left one, as many as fit
// there; the neighbour is COWed first, and the parent's key for the right-hand leaf of the two
// becomes its new first key. Only neighbours under the same parent are used (the kernel's push
// stops there too).
import { cowBlock } from "./cow.ts";
import { fixupLowKeys } from "./fixup-low-keys.ts";
import { itemFootprint, type Item } from "./items.ts";
import { leafFreeSpace, leafSpaceUsed } from "./leaf-space.ts";
import type { Path } from "./path.ts";
import { writableItems } from "./shared-items.ts";
import type { Leaf, Node } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/**
 * split_leaf's first resort: push_leaf_right, then push_leaf_left; true if the path's leaf then has
 * room for `dataBytes` at its slot (which the path still points at).
 */
export function pushForRoom(t: TreeState, path: Path, dataBytes: number): boolean {
  const parent = path.nodes[1] as Node | undefined;
  if (parent === undefined) return false;
  return pushLeafRight(t, path, parent, dataBytes) || pushLeafLeft(t, path, parent, dataBytes);
}

/** push_leaf_right: the leaf's last items, back to the insertion point, into its right neighbour while they fit. */
function pushLeafRight(t: TreeState, path: Path, parent: Node, dataBytes: number): boolean {
  const pslot = path.slots[1] as number;
  const right = parent.children[pslot + 1] as Leaf | undefined;
  if (right === undefined || leafFreeSpace(t, right) < dataBytes) return false;
  const leaf = path.nodes[0] as Leaf;
  const slot = path.slots[0] as number;
  let free = leafFreeSpace(t, right);
  let k = leaf.items.length;
  while (k > slot && itemFootprint(leaf.items[k - 1] as Item) <= free) free -= itemFootprint(leaf.items[--k] as Item);
  if (k === leaf.items.length) return false;
  const target = cowBlock(t, right) as Leaf;
  const moved = writableItems(leaf).splice(k);
  writableItems(target).unshift(...moved);
  moveBytes(leaf, target, leafSpaceUsed(moved));
  parent.keys[pslot + 1] = (moved[0] as Item).key;
  t.shapeVersion++;
  return leafFreeSpace(t, leaf) >= dataBytes;
}

/**
 * push_leaf_left: the leaf's first items, up to the insertion point, into its left neighbour while
 * they fit (never all of them); the path's slot moves back by as many.
 */
function pushLeafLeft(t: TreeState, path: Path, parent: Node, dataBytes: number): boolean {
  const left = parent.children[(path.slots[1] as number) - 1] as Leaf | undefined;
  if (left === undefined || leafFreeSpace(t, left) < dataBytes) return false;
  const leaf = path.nodes[0] as Leaf;
  const slot = path.slots[0] as number;
  let free = leafFreeSpace(t, left);
  let k = 0;
  while (k < slot && itemFootprint(leaf.items[k] as Item) <= free) free -= itemFootprint(leaf.items[k++] as Item);
  if (k === 0 || k >= leaf.items.length) return false;
  const target = cowBlock(t, left) as Leaf;
  const moved = writableItems(leaf).splice(0, k);
  writableItems(target).push(...moved);
  moveBytes(leaf, target, leafSpaceUsed(moved));
  path.slots[0] = slot - k;
  t.shapeVersion++;
  fixupLowKeys(t, path);
  return leafFreeSpace(t, leaf) >= dataBytes;
}

/** The accounting of `bytes` of items moved from one leaf to another. */
function moveBytes(from: Leaf, to: Leaf, bytes: number): void {
  to.usedBytes += bytes;
  to.version++;
  from.usedBytes -= bytes;
  from.version++;
}
