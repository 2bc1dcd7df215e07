// An in-memory btrfs inode (struct btrfs_inode, btrfs_inode.h): its dirty page-cache pages, its
// extent map tree, the counters btrfs_sync_file and the tree log consult (last_trans,
// last_sub_trans, logged_trans) and the runtime flag NEEDS_FULL_SYNC. It all lives in memory:
// evicting the inode loses it, and reading it back during the transaction that last changed it
// sets NEEDS_FULL_SYNC (btrfs_read_locked_inode).
import type { CpuMeter } from "../cpu/index.ts";
import { ExtentMapTree } from "./extent-map.ts";

export class BtrfsInode {
  readonly ino: number;
  readonly parentIno: number;
  readonly nameLen: number;
  /** Transaction that created the inode. */
  readonly generation: number;
  sizeBytes = 0;
  /** Last transaction that changed the inode (BTRFS_I(inode)->last_trans). */
  lastTrans = 0;
  /** The log transaction current when it last changed (last_sub_trans). */
  lastSubTrans = 0;
  /** Transaction in which it was last logged (logged_trans). */
  loggedTrans = 0;
  /** BTRFS_INODE_NEEDS_FULL_SYNC: the next fsync copies everything. */
  needsFullSync = true;
  /** BTRFS_INODE_PREALLOC: the file has prealloc extents, so writeback tries nocow first. */
  prealloc = false;
  /** The inode item in the fs tree is older than this in-memory inode (delayed inode). */
  inodeItemDirty = true;
  /** Dirty page-cache pages, as page indices. */
  readonly dirtyPages = new Set<number>();
  readonly extentMaps: ExtentMapTree;
  /** EXTENT_DATA items of this inode in the fs tree (kept as the file-extent code reports changes). */
  extentItems = 0;

  constructor(cpu: CpuMeter, ino: number, parentIno: number, nameLen: number, generation: number) {
    this.ino = ino;
    this.parentIno = parentIno;
    this.nameLen = nameLen;
    this.generation = generation;
    this.extentMaps = new ExtentMapTree(cpu);
  }
}
