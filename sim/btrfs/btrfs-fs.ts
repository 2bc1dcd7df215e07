// --fs btrfs: the job's file on a freshly made btrfs, with the chosen fsync logger. This class is
// the FileSystem plug point's btrfs implementation: it mounts (mkfs + the transaction kthread) and
// serves the job's layout, write(2), fsync(2) and ftruncate(2) through the model's parts.
import type { BlockDevice } from "../block/index.ts";
import type { Environment, Proc } from "../core/index.ts";
import { CPU_KINDS, CpuMeter, type CpuParams } from "../cpu/index.ts";
import type { FileHandle, FileSystem, FsyncReport } from "../fs/filesystem.ts";
import type { FioJob } from "../../workloads/index.ts";
import { FsInfo } from "./fs-info.ts";
import { BtrfsInode } from "./inode.ts";
import { contExpand, createFile, evictAndReload, fallocate, setSize } from "./inode-ops.ts";
import type { FsyncLogger } from "./loggers/index.ts";
import { FIRST_FILE_INO, ROOT_DIR_INO, mkfs } from "./mkfs.ts";
import { OpTimer } from "./op-timer.ts";
import type { BtrfsParams } from "./params.ts";
import { fsyncPath, syncFile } from "./sync-file.ts";
import { TransactionManager } from "./transaction.ts";
import { flushInodeItem } from "./tree-log.ts";

export class BtrfsFilesystem implements FileSystem {
  readonly fs: FsInfo;
  readonly trans: TransactionManager;
  readonly logger: FsyncLogger;
  readonly rootDir: BtrfsInode;
  private readonly env: Environment;
  private file: BtrfsInode | undefined;
  private writesSinceEviction = 0;

  constructor(env: Environment, bdev: BlockDevice, params: BtrfsParams, cpuParams: CpuParams, logger: FsyncLogger) {
    this.env = env;
    this.logger = logger;
    this.fs = new FsInfo(env, bdev, params, new CpuMeter(cpuParams));
    mkfs(this.fs);
    this.rootDir = new BtrfsInode(this.fs.cpu, ROOT_DIR_INO, ROOT_DIR_INO, 2, 1);
    this.rootDir.inodeItemDirty = false;
    this.trans = new TransactionManager(this.fs, 1, () => {
      for (const inode of this.inodes()) flushInodeItem(this.fs, inode);
    });
    env.process(this.trans.kthread(this.newOp()));
  }

  /** The job's file (after layout). */
  get inode(): BtrfsInode {
    if (this.file === undefined) throw new Error("no file laid out yet");
    return this.file;
  }

  *layout(job: FioJob): Proc<FileHandle> {
    const op = this.newOp();
    const handle = yield* this.trans.join(op);
    const inode = createFile(this.fs, this.rootDir, FIRST_FILE_INO, job.filename, 2);
    if (job.fallocate === "native" || job.fallocate === "posix" || job.fallocate === "keep") {
      fallocate(this.fs, inode, job.sizeBytes, job.fallocate === "keep");
    } else if (job.fallocate === "truncate") {
      setSize(this.fs, inode, job.sizeBytes);
    }
    this.file = inode;
    this.trans.end(handle);
    yield* op.cpu();
    return { name: job.filename, sizeBytes: job.sizeBytes };
  }

  /** btrfs_file_aio_write: data into the page cache, the inode's time and size updated. */
  *write(_file: FileHandle, offsetBytes: number, lengthBytes: number): Proc {
    const op = this.newOp();
    const fs = this.fs;
    const inode = this.inode;
    const first = Math.floor(offsetBytes / fs.sectorBytes);
    const last = Math.ceil((offsetBytes + lengthBytes) / fs.sectorBytes);
    fs.cpu.charge("writeSyscall", last - first);
    const handle = yield* this.trans.join(op);
    if (offsetBytes > inode.sizeBytes) contExpand(fs, inode, inode.sizeBytes, offsetBytes);
    for (let p = first; p < last; p++) inode.dirtyPages.add(p);
    inode.sizeBytes = Math.max(inode.sizeBytes, offsetBytes + lengthBytes);
    inode.inodeItemDirty = true;
    inode.lastTrans = this.trans.generation + 1;
    inode.lastSubTrans = fs.log?.logTransid ?? 0;
    this.trans.end(handle);
    yield* op.cpu();
    this.writesSinceEviction++;
  }

  *fsync(_file: FileHandle, _datasync: boolean): Proc<FsyncReport> {
    const op = this.newOp();
    const fs = this.fs;
    const copiedBefore = fs.stats.logItemsCopied;
    const blocksBefore = fs.stats.logBlocksWritten;
    const outcome = yield* syncFile(fs, this.trans, this.logger, this.inode, op);
    const evictEvery = fs.params.inodeEvictionEveryOps;
    if (evictEvery > 0 && this.writesSinceEviction >= evictEvery) {
      this.writesSinceEviction = 0;
      yield* this.evict(op);
    }
    return {
      path: fsyncPath(outcome),
      logItemsCopied: fs.stats.logItemsCopied - copiedBefore,
      logBlocksWritten: fs.stats.logBlocksWritten - blocksBefore,
      fsExtentItems: this.inode.extentItems,
      breakdownNs: { ...op.breakdown },
    };
  }

  *truncate(_file: FileHandle, sizeBytes: number): Proc {
    const op = this.newOp();
    const handle = yield* this.trans.join(op);
    setSize(this.fs, this.inode, sizeBytes);
    this.trans.end(handle);
    yield* op.cpu();
  }

  shutdown(): void {
    this.trans.stop();
  }

  /** CPU operations by kind (count and total µs), and the filesystem's own counters. */
  modelStats(): Readonly<Record<string, number>> {
    const out: Record<string, number> = { ...this.fs.stats };
    for (const kind of CPU_KINDS) {
      const n = this.fs.cpu.counts[kind];
      out[`cpu.${kind}.count`] = n;
      out[`cpu.${kind}.us`] = n * this.fs.cpu.unitUs(kind);
    }
    return out;
  }

  private *evict(op: OpTimer): Proc {
    const inode = this.inode;
    if (inode.inodeItemDirty) {
      const handle = yield* this.trans.join(op);
      flushInodeItem(this.fs, inode);
      this.trans.end(handle);
    }
    evictAndReload(this.fs, inode, this.trans.generation);
    yield* op.cpu();
  }

  private *inodes(): Generator<BtrfsInode> {
    yield this.rootDir;
    if (this.file !== undefined) yield this.file;
  }

  private newOp(): OpTimer {
    return new OpTimer(this.env, this.fs.cpu);
  }
}
