// Making room in a full leaf for an insert (fs/btrfs/ctree.c split_leaf, Linux 3.7): first push
// items to a neighbour (push.ts); else split the leaf where split_leaf does: at the middle if the
// half the insert lands in then has room, else at the insertion point; an append or prepend that
// does not fit gets a new empty leaf of its own, and so does a batch for which the half it lands in
// still has no room (between the halves: the kernel's double split). The new leaves' pointers go
// into the parent (insert_ptr); a node that overflows splits (split_node), and a root that splits
// gets a new root above it (insert_new_root).
import { insertAt, insertOne } from "./array-edits.ts";
import { newLeaf, newNode } from "./blocks.ts";
import type { Item } from "./items.ts";
import type { Key } from "./key.ts";
import { leafSpaceExceeds, leafSpaceUsed } from "./leaf-space.ts";
import type { Path } from "./path.ts";
import { pushForRoom } from "./push.ts";
import { UNCHARGED_COPY, searchSlot } from "./search.ts";
import { NO_ITEMS, writableItems } from "./shared-items.ts";
import { firstKey, type Leaf, type Node, type TreeBlock } from "./tree-block.ts";
import type { TreeState } from "./tree-state.ts";

/**
 * split_leaf: makes room for `dataBytes` at the path's slot and re-points the path at the leaf and
 * slot where the batch (first key `insKey`) goes. The receiving leaf's parent key is the batch's
 * first key (what fixup_low_keys makes it).
 */
export function splitLeaf(t: TreeState, path: Path, insKey: Key, dataBytes: number): void {
  if (pushForRoom(t, path, dataBytes)) return;
  t.shapeVersion++;
  const leaf = path.nodes[0] as Leaf;
  const slot = path.slots[0] as number;
  const n = leaf.items.length;
  let mid = (n + 1) >> 1;
  let own = false;
  // leaf_space_used(...) + data_size > BTRFS_LEAF_DATA_SIZE, each sum stopping once it is over.
  const room = t.leafCapacityBytes - dataBytes;
  if (mid <= slot) {
    if (n === 1 || leafSpaceExceeds(leaf.items, mid, n, room)) {
      if (slot >= n) own = true;
      else {
        mid = slot;
        if (leafSpaceExceeds(leaf.items, mid, n, room)) own = true;
      }
    }
  } else if (leafSpaceExceeds(leaf.items, 0, mid, room)) {
    if (slot === 0) own = true;
    else {
      mid = slot;
      if (leafSpaceExceeds(leaf.items, mid, n, room)) own = true;
    }
  }
  t.host.cpu.charge("blockCow");
  // Where the batch goes: a leaf of its own, or a slot of one of the halves; and, if the parent
  // takes the new leaves in place, the target's slot in it (the split leaf's is path.slots[1]).
  let targetLeaf: Leaf;
  let targetSlot: number;
  let inPlace: boolean;
  let parentSlot = path.slots[1] as number;
  if (own && (slot === 0 || slot >= n)) {
    targetLeaf = newLeaf(t, NO_ITEMS);
    targetSlot = 0;
    inPlace = insertPtr(t, path, targetLeaf, insKey, slot === 0);
    if (slot !== 0) parentSlot++;
  } else {
    const moved = writableItems(leaf).splice(mid);
    const movedBytes = leafSpaceUsed(moved);
    leaf.usedBytes -= movedBytes;
    leaf.version++;
    const right = newLeaf(t, moved, movedBytes);
    const rightKey = (moved[0] as Item).key;
    if (own) {
      t.host.cpu.charge("blockCow");
      targetLeaf = newLeaf(t, NO_ITEMS);
      targetSlot = 0;
      inPlace = insertPtrs(t, path, 0, [targetLeaf, right], [insKey, rightKey], false);
      parentSlot++;
    } else {
      inPlace = insertPtr(t, path, right, mid === slot ? insKey : rightKey, false);
      // slot === mid: the batch starts the right half (its parent key is insKey).
      targetLeaf = slot < mid ? leaf : right;
      targetSlot = slot < mid ? slot : slot - mid;
      if (slot >= mid) parentSlot++;
    }
  }
  const parent = path.nodes[1] as Node | undefined;
  if (inPlace && parent !== undefined) {
    // Only the parent changed, in place: the path to the target differs in its last two steps.
    // (The simulator's shortcut for the re-search; the kernel adjusts its path in place too.)
    path.nodes[0] = targetLeaf;
    path.slots[0] = targetSlot;
    path.slots[1] = parentSlot;
    path.found = false;
    if (path === t.finger) t.finger.pin(t.shapeVersion);
    return;
  }
  // A parent split too: search again, for a leaf of its own (or the right half it starts) by
  // insKey, its parent key; for a slot inside a half by a key already there, so that a neighbour
  // with room for insKey's range cannot capture the route.
  const routed = targetLeaf.items.length === 0 || (targetLeaf !== leaf && targetSlot === 0) ? searchSlot(t, insKey, UNCHARGED_COPY) : routeTo(t, targetLeaf, targetSlot);
  path.nodes = routed.nodes;
  path.slots = routed.slots;
}

/** The path to slot `slot` of `leaf`, found through a key the leaf holds. */
function routeTo(t: TreeState, leaf: Leaf, slot: number): Path {
  const inside = Math.min(slot, leaf.items.length - 1);
  const anchor = leaf.items[inside] as Item;
  const path = searchSlot(t, anchor.key, UNCHARGED_COPY);
  if (path.nodes[0] !== leaf) throw new Error("split: the routing key does not lead to the split leaf");
  path.slots[0] = slot;
  path.found = false;
  return path;
}

/** insert_ptr for one new leaf (key `k`) next to the path's leaf; without arrays when the parent has room. */
function insertPtr(t: TreeState, path: Path, block: Leaf, k: Key, before: boolean): boolean {
  const parent = path.nodes[1] as Node | undefined;
  if (parent === undefined || parent.children.length >= t.nodeCapacityPtrs) return insertPtrs(t, path, 0, [block], [k], before);
  const at = (path.slots[1] as number) + (before ? 0 : 1);
  insertOne(parent.keys, at, k);
  insertOne(parent.children, at, block);
  return true;
}

/**
 * insert_ptr for `blocks` (parent keys `keys`) next to path.nodes[level] in its parent, after it or
 * `before` it; true if the parent took them in place, false if it split or a new root was made.
 */
function insertPtrs(t: TreeState, path: Path, level: number, blocks: TreeBlock[], keys: Key[], before: boolean): boolean {
  const block = path.nodes[level] as TreeBlock;
  const parent = path.nodes[level + 1] as Node | undefined;
  if (parent === undefined) {
    insertNewRoot(t, level, block, blocks, keys, before);
    return false;
  }
  const slot = path.slots[level + 1] as number;
  const at = before ? slot : slot + 1;
  insertAt(parent.keys, at, keys);
  insertAt(parent.children, at, blocks);
  if (parent.children.length <= t.nodeCapacityPtrs) return true;
  splitNode(t, path, level + 1);
  return false;
}

/** split_node: an overfull path.nodes[level] split into equal parts, the new ones linked after it. */
function splitNode(t: TreeState, path: Path, level: number): void {
  const node = path.nodes[level] as Node;
  const n = node.children.length;
  const per = Math.ceil(n / Math.max(2, Math.ceil(n / t.nodeCapacityPtrs)));
  const allKeys = node.keys;
  const allChildren = node.children;
  node.keys = allKeys.slice(0, per);
  node.children = allChildren.slice(0, per);
  const added: Node[] = [];
  for (let i = per; i < n; i += per) added.push(newNode(t, node.level, allKeys.slice(i, i + per), allChildren.slice(i, i + per)));
  t.host.cpu.charge("blockCow", added.length);
  insertPtrs(t, path, level, added, added.map((b) => b.keys[0] as Key), false);
}

/** insert_new_root: the root `block` (at `level`), split into it and `blocks`, gets a new root above them. */
function insertNewRoot(t: TreeState, level: number, block: TreeBlock, blocks: TreeBlock[], keys: Key[], before: boolean): void {
  const ownKey = firstKey(block) ?? (keys[0] as Key);
  t.root = before
    ? newNode(t, level + 1, [...keys, ownKey], [...blocks, block])
    : newNode(t, level + 1, [ownKey, ...keys], [block, ...blocks]);
}
