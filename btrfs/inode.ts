// An in-memory btrfs inode (struct btrfs_inode, btrfs_inode.h): its page cache (dirty pages apart), its
// extent map tree, the counters btrfs_sync_file and the tree log consult (last_trans,
// last_sub_trans, logged_trans) and the runtime flag NEEDS_FULL_SYNC. It all lives in memory:
// evicting the inode loses it, and reading it back during the transaction that last changed it
// sets NEEDS_FULL_SYNC (btrfs_read_locked_inode).
import { Mutex, type Environment, type Event } from "../sim/index.ts";
import type { CpuMeter } from "./cpu/index.ts";
import { PageCache } from "./page-cache.ts";
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
  /** Pages up to date in memory (dirty ones included). */
  readonly cache = new PageCache();
  /** Ordered extents of O_DIRECT writes whose completion work has not run yet (it runs in a worker). */
  readonly pendingOrdered = new Set<Event<undefined>>();
  /** inode->i_mutex: taken by write(2), fsync(2) and ftruncate(2). */
  readonly iMutex: Mutex;
  /** Where the last buffered read ended, bytes (for sequential readahead). */
  lastReadEndBytes = -1;
  /** Writes since the inode was last evicted (the eviction fallback's counter). */
  writesSinceEviction = 0;
  readonly extentMaps: ExtentMapTree;
  /** EXTENT_DATA items of this inode in the fs tree (kept as the file-extent code reports changes). */
  extentItems = 0;

  constructor(env: Environment, cpu: CpuMeter, ino: number, parentIno: number, nameLen: number, generation: number) {
    this.iMutex = new Mutex(env);
    this.ino = ino;
    this.parentIno = parentIno;
    this.nameLen = nameLen;
    this.generation = generation;
    this.extentMaps = new ExtentMapTree(cpu);
  }
}
