// mkfs.btrfs and mount, as the model needs them: the root, extent, csum and fs trees (one leaf
// each), the subvolume's root directory (inode 256), the block-group and extent items, all in
// transaction 1 and treated as committed and on disk before the run starts. Chunk and device trees
// never change during a run and are not modelled.
import { inodeItem, inodeRefItem } from "./ctree/items.ts";
import { KEY_TYPE, OBJECTID, key } from "./ctree/key.ts";
import { runDelayedRefsAndRoots } from "./extent-tree.ts";
import type { FsInfo } from "./fs-info.ts";
import { takeDirty } from "./tree-log.ts";

export const ROOT_DIR_INO = OBJECTID.FIRST_FREE;
/** The first inode number a new file gets (btrfs_find_free_objectid after the root dir). */
export const FIRST_FILE_INO = OBJECTID.FIRST_FREE + 1;

export function mkfs(fs: FsInfo): void {
  fs.currentTransid = 1;
  fs.rootTree = fs.newTree(OBJECTID.ROOT_TREE);
  fs.extentTree = fs.newTree(OBJECTID.EXTENT_TREE);
  fs.csumTree = fs.newTree(OBJECTID.CSUM_TREE);
  fs.fsTree = fs.newTree(OBJECTID.FS_TREE);
  fs.fsTree.insertItems([
    inodeItem(key(ROOT_DIR_INO, KEY_TYPE.INODE_ITEM, 0), { generation: 1, transid: 1, sizeBytes: 0 }),
    inodeRefItem(key(ROOT_DIR_INO, KEY_TYPE.INODE_REF, ROOT_DIR_INO), 2),
  ]);
  runDelayedRefsAndRoots(fs);
  for (const tree of fs.committedTrees) takeDirty(tree);
  fs.superblock.generation = 1;
  fs.superblock.rootTreeBytenr = fs.rootTree.root.bytenr;
  fs.volumes.unpinThrough(1);
  fs.lastTransCommitted = 1;
  fs.currentTransid = undefined;
}
