// --fs btrfs: the workload's files on a freshly made btrfs, with the chosen fsync logger. This class
// is the FileSystem plug point's btrfs implementation: it mounts (mkfs + the transaction kthread)
// and serves the jobs' layout, write(2), read(2), fsync(2) and ftruncate(2) through the model's
// parts, for any number of processes: write, ftruncate and the logging part of fsync take the
// inode's i_mutex (btrfs_file_aio_write, do_truncate, btrfs_sync_file), so processes sharing a file
// take turns there.
import type { BlockDevice } from "../block/index.ts";
import type { Environment, Proc } from "../sim/index.ts";
import { CPU_KINDS, CpuMeter, type CpuParams } from "./cpu/index.ts";
import type { FileHandle, FileLayout, FileSystem, FsyncReport, IoContext, OpenFlags } from "../fs/index.ts";
import { directWrite } from "./direct-io.ts";
import { updateDelayedInode } from "./delayed-inode.ts";
import { FsInfo } from "./fs-info.ts";
import { BtrfsInode } from "./inode.ts";
import { contExpand, createFile, evictAndReload, fallocate, setSize } from "./inode-ops.ts";
import type { FsyncLogger } from "./loggers/index.ts";
import { FIRST_FILE_INO, ROOT_DIR_INO, mkfs } from "./mkfs.ts";
import { OpTimer } from "./op-timer.ts";
import { waitOrderedRange } from "./ordered-data.ts";
import type { BtrfsParams } from "./params.ts";
import { pagesToRead, readFromDisk } from "./read.ts";
import type { BtrfsRecording } from "./recording.ts";
import { fsyncPath, syncFile } from "./sync-file.ts";
import { TransactionManager } from "./transaction.ts";

/** The pid the layout phase runs as (fio sets files up before any job process starts). */
const LAYOUT_PID = 0;
/** fio lays a file out with writes of this size (its default buffer for extend_file is bs; the size only changes how many calls, not the result). */
const FILL_CHUNK_BYTES = 1024 * 1024;

export class BtrfsFilesystem implements FileSystem {
  readonly fs: FsInfo;
  readonly trans: TransactionManager;
  readonly logger: FsyncLogger;
  readonly rootDir: BtrfsInode;
  private readonly env: Environment;
  /** The workload's files, by index. */
  private readonly files: BtrfsInode[] = [];
  private nextIno = FIRST_FILE_INO;
  private nextDirIndex = 2;

  constructor(env: Environment, bdev: BlockDevice, params: BtrfsParams, cpuParams: CpuParams, logger: FsyncLogger) {
    this.env = env;
    this.logger = logger;
    this.fs = new FsInfo(env, bdev, params, new CpuMeter(cpuParams));
    mkfs(this.fs);
    this.rootDir = new BtrfsInode(env, this.fs.cpu, ROOT_DIR_INO, ROOT_DIR_INO, 2, 1);
    this.rootDir.inodeItemDirty = false;
    this.trans = new TransactionManager(this.fs, 1, () => {
      // btrfs_run_delayed_items at commit.
      for (const inode of this.inodes()) updateDelayedInode(this.fs, inode);
    });
    env.process(this.trans.kthread(this.newOp()));
  }

  /** The inode of the workload's file `index`. */
  inode(index = 0): BtrfsInode {
    const inode = this.files[index];
    if (inode === undefined) throw new Error(`no file ${index} laid out yet`);
    return inode;
  }

  /**
   * Installs a crash checker's recording: from now on every file event is told to it and every
   * write carries the images of what it writes. Install it before the run starts (a file laid out
   * before would be missing from the record).
   */
  record(recording: BtrfsRecording): void {
    this.fs.recording = recording;
  }

  /** fio's extend_file: create, preallocate or size, fill and fsync if asked, then drop the cache. */
  *layout(file: FileLayout, index: number): Proc<FileHandle> {
    const op = this.newOp();
    const trans = yield* this.trans.join(op);
    const inode = this.createInode(file, index);
    if (file.fallocate === "native" || file.fallocate === "posix" || file.fallocate === "keep") {
      fallocate(this.fs, inode, file.sizeBytes, file.fallocate === "keep");
    } else if (file.fallocate === "truncate" || file.fill) {
      setSize(this.fs, inode, file.sizeBytes);
    }
    this.trans.end(trans);
    yield* op.cpu();
    const handle = { index, name: file.name };
    if (file.fill) {
      for (let at = 0; at < file.sizeBytes; at += FILL_CHUNK_BYTES) {
        yield* this.write({ pid: LAYOUT_PID }, handle, at, Math.min(FILL_CHUNK_BYTES, file.sizeBytes - at), { direct: false });
      }
      yield* this.fsync({ pid: LAYOUT_PID }, handle, false);
    }
    if (file.invalidate) inode.cache.dropRange(0);
    return handle;
  }

  /** An empty file created inside the timed phase (create_on_open). */
  *create(_ctx: IoContext, file: FileLayout, index: number): Proc<FileHandle> {
    const op = this.newOp();
    const trans = yield* this.trans.join(op);
    this.createInode(file, index);
    this.trans.end(trans);
    yield* op.cpu();
    return { index, name: file.name };
  }

  /** btrfs_file_aio_write: buffered data into the page cache and the inode updated, or O_DIRECT to the device. */
  *write(_ctx: IoContext, file: FileHandle, offsetBytes: number, lengthBytes: number, flags: OpenFlags): Proc {
    const op = this.newOp();
    const fs = this.fs;
    const inode = this.inode(file.index);
    const first = Math.floor(offsetBytes / fs.sectorBytes);
    const last = Math.ceil((offsetBytes + lengthBytes) / fs.sectorBytes);
    fs.cpu.charge("writeSyscall", last - first);
    yield* this.lock(inode, op);
    const recorder = fs.recording?.files;
    const version = recorder?.stampPages(inode.ino, first, last);
    if (flags.direct) {
      yield* directWrite(fs, this.trans, inode, offsetBytes, lengthBytes, op);
    } else {
      yield* this.readPartialPages(inode, offsetBytes, lengthBytes, op);
      const handle = yield* this.trans.join(op);
      if (offsetBytes > inode.sizeBytes) contExpand(fs, inode, inode.sizeBytes, offsetBytes);
      for (let p = first; p < last; p++) inode.dirtyPages.add(p);
      inode.cache.addRange(first, last);
      inode.sizeBytes = Math.max(inode.sizeBytes, offsetBytes + lengthBytes);
      inode.inodeItemDirty = true;
      inode.lastTrans = this.trans.generation + 1;
      inode.lastSubTrans = fs.log?.logTransid ?? 0;
      this.trans.end(handle);
      yield* op.cpu();
    }
    inode.iMutex.unlock();
    inode.writesSinceEviction++;
    if (recorder !== undefined && version !== undefined) {
      recorder.fileWrite({ ino: inode.ino, firstPage: first, endPage: last, version, sizeBytes: inode.sizeBytes, doneNs: this.env.nowNs });
    }
  }

  /** generic_file_aio_read (page cache, readahead) or btrfs_direct_IO for reads. */
  *read(_ctx: IoContext, file: FileHandle, offsetBytes: number, lengthBytes: number, flags: OpenFlags): Proc {
    const op = this.newOp();
    const fs = this.fs;
    const inode = this.inode(file.index);
    const end = Math.min(offsetBytes + lengthBytes, inode.sizeBytes);
    const page = fs.sectorBytes;
    fs.cpu.charge("readPage", Math.max(1, Math.ceil(end / page) - Math.floor(offsetBytes / page)));
    if (end > offsetBytes) {
      if (flags.direct) {
        if (inode.dirtyPages.size > 0 || inode.pendingOrdered.size > 0) yield* waitOrderedRange(fs, this.trans, inode, op);
        yield* readFromDisk(fs, inode, Math.floor(offsetBytes / page) * page, Math.ceil(end / page) * page, op);
      } else {
        for (const [a, b] of pagesToRead(fs, inode, offsetBytes, end)) {
          yield* readFromDisk(fs, inode, a * page, b * page, op);
          inode.cache.addRange(a, b);
        }
        inode.lastReadEndBytes = offsetBytes + lengthBytes;
      }
    }
    yield* op.cpu();
  }

  *fsync(ctx: IoContext, file: FileHandle, _datasync: boolean): Proc<FsyncReport> {
    const op = this.newOp();
    const fs = this.fs;
    const inode = this.inode(file.index);
    const callNs = this.env.nowNs;
    const copiedBefore = fs.stats.logItemsCopied;
    const blocksBefore = fs.stats.logBlocksWritten;
    const outcome = yield* syncFile(fs, this.trans, this.logger, inode, op, ctx.pid);
    const evictEvery = fs.params.inodeEvictionEveryOps;
    if (evictEvery > 0 && inode.writesSinceEviction >= evictEvery) {
      inode.writesSinceEviction = 0;
      yield* this.evict(inode, op);
    }
    fs.recording?.files.fileFsync({ ino: inode.ino, callNs, doneNs: this.env.nowNs });
    return {
      path: fsyncPath(outcome),
      logItemsCopied: fs.stats.logItemsCopied - copiedBefore,
      logBlocksWritten: fs.stats.logBlocksWritten - blocksBefore,
      fsExtentItems: inode.extentItems,
      breakdownNs: { ...op.breakdown },
    };
  }

  *truncate(_ctx: IoContext, file: FileHandle, sizeBytes: number): Proc {
    const op = this.newOp();
    const inode = this.inode(file.index);
    yield* this.lock(inode, op);
    const handle = yield* this.trans.join(op);
    setSize(this.fs, inode, sizeBytes);
    this.trans.end(handle);
    yield* op.cpu();
    inode.iMutex.unlock();
    this.fs.recording?.files.fileTruncate({ ino: inode.ino, sizeBytes, doneNs: this.env.nowNs });
  }

  shutdown(): void {
    this.trans.stop();
  }

  /** CPU operations by kind (count and total µs), and the filesystem's own counters. */
  modelStats(): Readonly<Record<string, number>> {
    const out: Record<string, number> = { ...this.fs.stats };
    const counts = this.fs.cpu.counts;
    for (const kind of CPU_KINDS) {
      const n = counts[kind];
      out[`cpu.${kind}.count`] = n;
      out[`cpu.${kind}.us`] = n * this.fs.cpu.unitUs(kind);
    }
    return out;
  }

  /** btrfs_create in the root directory (inside a transaction). */
  private createInode(file: FileLayout, index: number): BtrfsInode {
    const name = file.name.slice(file.name.lastIndexOf("/") + 1);
    const inode = createFile(this.fs, this.rootDir, this.nextIno++, name, this.nextDirIndex++);
    this.files[index] = inode;
    this.fs.recording?.files.fileCreated(index, inode.ino);
    return inode;
  }

  /** i_mutex, taken at once when free (no event, so a lone process runs exactly as without it). */
  private *lock(inode: BtrfsInode, op: OpTimer): Proc {
    if (!inode.iMutex.tryLock()) yield* op.wait("contention", inode.iMutex.lock());
  }

  /** prepare_pages: a write that covers part of a page not in the cache reads that page first. */
  private *readPartialPages(inode: BtrfsInode, offsetBytes: number, lengthBytes: number, op: OpTimer): Proc {
    const page = this.fs.sectorBytes;
    const end = offsetBytes + lengthBytes;
    const partial = new Set<number>();
    if (offsetBytes % page !== 0) partial.add(Math.floor(offsetBytes / page));
    if (end % page !== 0) partial.add(Math.floor(end / page));
    for (const p of partial) {
      if (inode.cache.has(p) || p * page >= inode.sizeBytes) continue;
      yield* readFromDisk(this.fs, inode, p * page, (p + 1) * page, op);
      inode.cache.add(p);
    }
  }

  private *evict(inode: BtrfsInode, op: OpTimer): Proc {
    if (inode.inodeItemDirty) {
      const handle = yield* this.trans.join(op);
      updateDelayedInode(this.fs, inode);
      this.trans.end(handle);
    }
    evictAndReload(this.fs, inode, this.trans.generation);
    yield* op.cpu();
  }

  private *inodes(): Generator<BtrfsInode> {
    yield this.rootDir;
    yield* this.files.filter((f) => f !== undefined);
  }

  private newOp(): OpTimer {
    return new OpTimer(this.env, this.fs.cpu);
  }
}
