// Bringing the extent tree and root items up to date at commit (extent-tree.c
// btrfs_run_delayed_refs, transaction.c commit_cowonly_roots / update_cowonly_root): apply the
// queued reference changes (insert, update or delete extent items; a data extent losing its last
// reference also loses its checksums and its space), refresh block-group usage, and record every
// tree whose root moved in the root tree. Updating the extent and root trees COWs their blocks,
// which queues more references, so this repeats until nothing changes.
import { blockGroupItem, extentItem, rootItem, type BlockGroupData, type ExtentItemData, type RootItemData } from "./ctree/items.ts";
import { KEY_TYPE, key } from "./ctree/key.ts";
import { COW } from "./ctree/search.ts";
import type { Leaf } from "./ctree/tree-block.ts";
import type { DelayedRef } from "./delayed-refs.ts";
import { deleteCsums } from "./file-item.ts";
import type { FsInfo } from "./fs-info.ts";

const MAX_ROUNDS = 16;

/** Runs delayed refs and updates block groups and root items until stable. */
export function runDelayedRefsAndRoots(fs: FsInfo): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const ref of fs.delayedRefs.take()) {
      applyRef(fs, ref);
      changed = true;
    }
    if (updateBlockGroups(fs)) changed = true;
    if (updateRootItems(fs)) changed = true;
    if (!changed && fs.delayedRefs.size === 0) return;
  }
}

function applyRef(fs: FsInfo, ref: DelayedRef): void {
  const tree = fs.extentTree;
  const k = key(ref.bytenr, KEY_TYPE.EXTENT_ITEM, ref.numBytes);
  fs.cpu.charge("delayedRef");
  const path = tree.search(k, COW);
  if (!path.found) {
    if (ref.delta > 0) tree.insertItems([extentItem(k, ref.delta, ref.tree)]);
    return;
  }
  const slot = path.slots[0] as number;
  const old = (path.nodes[0] as Leaf).items[slot]?.data as ExtentItemData;
  const refs = old.refs + ref.delta;
  if (refs > 0) {
    tree.replaceItem(path, extentItem(k, refs, ref.tree));
    return;
  }
  tree.deleteItems(path, slot, 1);
  if (!ref.tree) {
    deleteCsums(fs.csumTree, ref.bytenr, ref.numBytes, fs.sectorBytes);
    fs.volumes.pin(ref.bytenr, ref.numBytes, fs.transid);
  }
}

function updateBlockGroups(fs: FsInfo): boolean {
  let changed = false;
  for (const g of fs.volumes.groups) {
    const used = g.lengthBytes - g.free.freeBytes;
    const k = key(g.logicalStart, KEY_TYPE.BLOCK_GROUP_ITEM, g.lengthBytes);
    const current = fs.extentTree.lookup(k);
    if (current !== undefined && (current.data as BlockGroupData).usedBytes === used) continue;
    const path = fs.extentTree.search(k, COW);
    if (path.found) fs.extentTree.replaceItem(path, blockGroupItem(k, used));
    else fs.extentTree.insertItems([blockGroupItem(k, used)]);
    changed = true;
  }
  return changed;
}

function updateRootItems(fs: FsInfo): boolean {
  let changed = false;
  for (const tree of [fs.fsTree, fs.extentTree, fs.csumTree]) {
    const k = key(tree.owner, KEY_TYPE.ROOT_ITEM, 0);
    const current = fs.rootTree.lookup(k);
    const root = tree.root;
    if (current !== undefined && (current.data as RootItemData).bytenr === root.bytenr) continue;
    const item = rootItem(k, { bytenr: root.bytenr, level: root.level, generation: fs.transid });
    const path = fs.rootTree.search(k, COW);
    if (path.found) fs.rootTree.replaceItem(path, item);
    else fs.rootTree.insertItems([item]);
    changed = true;
  }
  return changed;
}
