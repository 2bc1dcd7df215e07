// The mounted filesystem's shared state (struct btrfs_fs_info): the trees, the log, the block
// allocator, delayed references, the superblock in memory, and the counters the reports use. It is
// the host of every B-tree: new tree blocks come from metadata chunks; a freed block that was
// never written is reusable at once, one that was written stays pinned until its transaction
// commits; blocks of regular trees queue extent-tree reference changes, log-tree blocks do not.
import type { BlockDevice } from "../block/index.ts";
import { Mutex, type Environment, type Event } from "../sim/index.ts";
import type { CpuMeter } from "./cpu/index.ts";
import { BTree } from "./ctree/btree.ts";
import { OBJECTID } from "./ctree/key.ts";
import type { Leaf, TreeBlock } from "./ctree/tree-block.ts";
import type { TreeHost } from "./ctree/tree-state.ts";
import { DelayedRefs } from "./delayed-refs.ts";
import { SUPERBLOCK_BYTES, superImage, superblockOffsets, type Superblock } from "./disk-io.ts";
import type { LeafCopy } from "./leaf-copy.ts";
import type { SuperImage, TreeBlockImage } from "./disk-image.ts";
import type { BtrfsRecording } from "./recording.ts";
import type { BtrfsParams } from "./params.ts";
import { Volumes } from "./volumes.ts";

/** The subvolume's log tree and the log root tree, alive from the first fsync of a transaction to its commit. */
export interface LogState {
  readonly logTree: BTree;
  readonly logRootTree: BTree;
  /** root->log_transid: how many times this log has been synced. */
  logTransid: number;
  /** The log tree's root item is in the log root tree (update_log_root inserts it once). */
  rootItemInserted: boolean;
}

/**
 * The subvolume root's log bookkeeping (struct btrfs_root: log_writers, log_batch, log_start_pid,
 * log_multiple_pids, log_writer_wait, log_commit[2]); it outlives each transaction's log trees.
 */
export interface LogControl {
  /** Processes between start_log_trans and btrfs_end_log_trans. */
  writers: number;
  /** How many times a process has joined the log. */
  batch: number;
  /** The process that first joined since the last sync (0 = none), and whether another has. */
  startPid: number;
  multiplePids: boolean;
  /** log_writer_wait: succeeds when the last writer leaves. */
  writersGone: Event<undefined> | undefined;
  /** log_commit[log_transid % 2]: set while that log transaction is being synced; succeeds when done. */
  readonly committing: Array<Event<undefined> | undefined>;
}

/** Counters for reports and traces. */
export interface FsStats {
  logItemsCopied: number;
  logBlocksWritten: number;
  commits: number;
  commitBlocksWritten: number;
  logSyncs: number;
  /** Log syncs that slept a jiffy to batch several processes (no ssd option). */
  logBatchSleeps: number;
}

export const SECTOR_BYTES_BTRFS = 4096;

export class FsInfo implements TreeHost {
  readonly env: Environment;
  readonly bdev: BlockDevice;
  readonly params: BtrfsParams;
  readonly cpu: CpuMeter;
  readonly volumes: Volumes;
  readonly nodesize: number;
  readonly sectorBytes = SECTOR_BYTES_BTRFS;
  /** The ssd mount option: set, or detected from a non-rotational device. */
  readonly ssd: boolean;
  readonly delayedRefs = new DelayedRefs();
  readonly superblock: Superblock = { generation: 0, rootTreeBytenr: 0, logRootBytenr: 0 };
  /** fs_info->tree_log_mutex: a commit holds it from freeing the log to writing the superblock. */
  readonly treeLogMutex: Mutex;
  readonly stats: FsStats = { logItemsCopied: 0, logBlocksWritten: 0, commits: 0, commitBlocksWritten: 0, logSyncs: 0, logBatchSleeps: 0 };
  /** The transaction tree changes belong to now; undefined between transactions. */
  currentTransid: number | undefined;
  lastTransCommitted = 0;
  log: LogState | undefined;
  readonly logControl: LogControl = { writers: 0, batch: 0, startPid: 0, multiplePids: false, writersGone: undefined, committing: [undefined, undefined] };
  /** root->last_log_commit: the last log_transid whose sync completed. */
  lastLogCommit = 0;
  /** Per fs-leaf cache of what a full log copy takes from it (see copyChangedLeaves). */
  readonly leafCopies = new WeakMap<Leaf, LeafCopy>();
  /** What a crash checker installed (BtrfsFilesystem.record); undefined when nothing is recorded. */
  recording: BtrfsRecording | undefined;
  rootTree!: BTree;
  extentTree!: BTree;
  csumTree!: BTree;
  fsTree!: BTree;

  constructor(env: Environment, bdev: BlockDevice, params: BtrfsParams, cpu: CpuMeter) {
    this.env = env;
    this.bdev = bdev;
    this.params = params;
    this.cpu = cpu;
    this.nodesize = params.nodesizeBytes;
    this.treeLogMutex = new Mutex(env);
    this.ssd = params.ssd === "on" || (params.ssd === "auto" && !bdev.rotational);
    this.volumes = new Volumes({
      deviceBytes: bdev.capacityBytes,
      systemChunkBytes: params.systemChunkBytes,
      metadataChunkBytes: params.metadataChunkBytes,
      dataChunkBytes: params.dataChunkBytes,
      metadataDup: params.metadataProfile === "dup",
      nodesize: params.nodesizeBytes,
      superblockOffsets: superblockOffsets(bdev.capacityBytes),
      superblockBytes: SUPERBLOCK_BYTES,
    });
  }

  get transid(): number {
    if (this.currentTransid === undefined) throw new Error("a tree was changed outside a transaction");
    return this.currentTransid;
  }

  /** The trees written at commit (all but the log trees). */
  get committedTrees(): BTree[] {
    return [this.rootTree, this.extentTree, this.csumTree, this.fsTree];
  }

  allocTreeBlock(owner: number): number {
    const bytenr = this.volumes.allocMetadata(this.nodesize);
    if (owner !== OBJECTID.TREE_LOG) this.delayedRefs.add(bytenr, this.nodesize, true, +1);
    return bytenr;
  }

  freeTreeBlock(block: TreeBlock, unwritten: boolean): void {
    if (block.owner !== OBJECTID.TREE_LOG) this.delayedRefs.add(block.bytenr, this.nodesize, true, -1);
    if (unwritten) this.volumes.free(block.bytenr, this.nodesize);
    else this.volumes.pin(block.bytenr, this.nodesize, this.transid);
  }

  /** How tree blocks written now are imaged for the recording; undefined without one. */
  get treeImage(): ((block: TreeBlock) => TreeBlockImage) | undefined {
    return this.recording?.treeImage;
  }

  /** The superblock's image as written now, for the recording; undefined without one. */
  superImage(logRootGeneration = 0): SuperImage | undefined {
    return this.recording === undefined ? undefined : superImage(this.superblock, logRootGeneration);
  }

  /** Creates a new, empty tree owned by `owner`. */
  newTree(owner: number): BTree {
    return new BTree(this, owner);
  }
}
