// The delayed inode (fs/btrfs/delayed-inode.c, 3.7): btrfs_update_inode keeps an inode's changes in
// memory (btrfs_delayed_update_inode; here BtrfsInode.inodeItemDirty), and they reach its
// INODE_ITEM in the fs tree when its delayed items are run: before btrfs_log_inode copies the
// inode into the log (btrfs_commit_inode_delayed_items), and for every inode at commit
// (btrfs_run_delayed_items). The model also writes them when it evicts an inode, before reading
// the item back.
import { inodeItem } from "./ctree/items.ts";
import { KEY_TYPE, key } from "./ctree/key.ts";
import { COW } from "./ctree/search.ts";
import type { FsInfo } from "./fs-info.ts";
import type { BtrfsInode } from "./inode.ts";

/**
 * btrfs_update_delayed_inode: if the in-memory inode changed since its item was last written,
 * writes it into its INODE_ITEM (btrfs_lookup_inode with cow = 1, the item rewritten in place).
 * Where the kernel would find no item (-ENOENT) the model inserts one; every inode it has was
 * created with its item, so that does not happen.
 */
export function updateDelayedInode(fs: FsInfo, inode: BtrfsInode): void {
  if (!inode.inodeItemDirty) return;
  const k = key(inode.ino, KEY_TYPE.INODE_ITEM, 0);
  const item = inodeItem(k, { generation: inode.generation, transid: fs.transid, sizeBytes: inode.sizeBytes });
  const path = fs.fsTree.search(k, COW);
  if (path.found) fs.fsTree.replaceItem(path, item);
  else fs.fsTree.insertItems([item]);
  inode.inodeItemDirty = false;
}
