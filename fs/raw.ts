// --fs raw: the workload's files are regions of the block device itself, laid end to end from
// byte 0 in file order, and the job writes and reads straight to them: each write or read is one
// bio that completes when the device does, and each fsync (or O_SYNC write) is one empty flush, as
// blkdev_fsync -> blkdev_issue_flush does. No filesystem, no page cache (buffered and direct I/O
// are the same) and no CPU cost beyond the driver's: the ceiling any filesystem could reach on the
// device for this job.
import { SECTOR_BYTES, emptyFlushBio, readBio, writeBio, type BlockDevice } from "../block/index.ts";
import { InputError, MSG } from "../lib/index.ts";
import type { Environment, Proc } from "../sim/index.ts";
import type { FileLayout } from "./file-layout.ts";
import type { FileHandle, FileSystem, FsyncReport } from "./filesystem.ts";
import type { FsSpec, JobTraits } from "./spec.ts";

/** The registry's entry: no parameters, no loggers, nothing to recover after a crash. */
export const rawSpec: FsSpec<Record<never, never>> = {
  name: "raw",
  summary: "the raw device: each write one bio, each fsync one cache flush (the device's ceiling)",
  params: {},
  loggers: [],
  defaultLogger: undefined,
  crashCheck: false,
  check: (jobs) => RawDeviceFs.check(jobs),
  create: (env, bdev) => new RawDeviceFs(env, bdev),
};

export class RawDeviceFs implements FileSystem {
  private readonly env: Environment;
  private readonly bdev: BlockDevice;
  /** Byte offset on the device of each file, by workload index. */
  private readonly bases: number[] = [];
  private nextBase = 0;

  constructor(env: Environment, bdev: BlockDevice) {
    this.env = env;
    this.bdev = bdev;
  }

  /** Checks the jobs can run on the raw device; returns warnings for options that have no effect. */
  static check(jobs: readonly JobTraits[]): string[] {
    const warnings: string[] = [];
    for (const job of jobs) {
      for (const bs of job.blockSizes) {
        if (bs.minBytes % SECTOR_BYTES !== 0 || bs.maxBytes % SECTOR_BYTES !== 0 || job.bsUnaligned) {
          throw new InputError(job.file, MSG.rawUnaligned(job.name, bs.minBytes));
        }
      }
      if (job.truncates) throw new InputError(job.file, MSG.rawNoTruncate(job.name));
      for (const o of ["fallocate", "overwrite", "invalidate", "direct", "create_on_open"]) {
        if (Object.hasOwn(job.options, o)) warnings.push(MSG.rawIgnores(o, job.options[o] ?? ""));
      }
    }
    return [...new Set(warnings)];
  }

  *layout(file: FileLayout, index: number): Proc<FileHandle> {
    const base = this.nextBase;
    if (base + file.sizeBytes > this.bdev.capacityBytes) {
      throw new InputError("--fs raw", MSG.rawTooLarge(file.name, base + file.sizeBytes, this.bdev.capacityBytes));
    }
    this.bases[index] = base;
    this.nextBase = base + Math.ceil(file.sizeBytes / SECTOR_BYTES) * SECTOR_BYTES;
    return { index, name: file.name };
  }

  *create(_ctx: unknown, file: FileLayout, index: number): Proc<FileHandle> {
    return yield* this.layout(file, index);
  }

  *write(_ctx: unknown, file: FileHandle, offsetBytes: number, lengthBytes: number): Proc {
    yield this.bdev.submit(writeBio(this.at(file, offsetBytes), lengthBytes));
  }

  *read(_ctx: unknown, file: FileHandle, offsetBytes: number, lengthBytes: number): Proc {
    yield this.bdev.submit(readBio(this.at(file, offsetBytes), lengthBytes));
  }

  *fsync(): Proc<FsyncReport> {
    const t0 = this.env.nowNs;
    yield this.bdev.submit(emptyFlushBio());
    const flush = this.env.nowNs - t0;
    return { path: "none", logItemsCopied: 0, logBlocksWritten: 0, fsExtentItems: 0, breakdownNs: { cpu: 0, dataIo: 0, logIo: 0, flush, commit: 0, contention: 0 } };
  }

  *truncate(): Proc {
    throw new Error("truncate on a raw device (RawDeviceFs.check refuses such jobs)");
  }

  shutdown(): void {}

  modelStats(): Readonly<Record<string, number>> {
    return {};
  }

  private at(file: FileHandle, offsetBytes: number): number {
    const base = this.bases[file.index];
    if (base === undefined) throw new Error(`file ${file.name} was not laid out`);
    return base + offsetBytes;
  }
}
