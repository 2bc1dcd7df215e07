// --fs raw: the job's file is the block device itself from byte 0, and the job writes straight to
// it: each write is one bio that completes when the device acknowledges it, and each fsync (or
// O_SYNC write) is one empty flush, as blkdev_fsync -> blkdev_issue_flush does. No filesystem, no
// page cache and no CPU cost beyond the driver's: the ceiling any filesystem could reach on the
// device for this job.
import { emptyFlushBio, writeBio, type BlockDevice } from "../block/index.ts";
import type { Environment, Proc } from "../core/index.ts";
import { MSG } from "../messages.ts";
import { InputError } from "../util/input-error.ts";
import type { FioJob } from "../../workloads/index.ts";
import type { FileHandle, FileSystem, FsyncReport } from "./filesystem.ts";

const RAW_IGNORED_OPTIONS = ["fallocate", "filename"] as const;

export class RawDeviceFs implements FileSystem {
  private readonly env: Environment;
  private readonly bdev: BlockDevice;

  constructor(env: Environment, bdev: BlockDevice) {
    this.env = env;
    this.bdev = bdev;
  }

  /** Checks the job can run on the raw device; returns warnings for options that have no effect. */
  static check(job: FioJob): string[] {
    if (job.bsBytes % 512 !== 0) throw new InputError(job.file, MSG.rawUnaligned(job.name, job.bsBytes));
    if (job.ioengine === "ftruncate") throw new InputError(job.file, MSG.rawNoTruncate(job.name));
    return RAW_IGNORED_OPTIONS.filter((o) => Object.hasOwn(job.options, o)).map((o) => MSG.rawIgnores(o, job.options[o] ?? ""));
  }

  *layout(job: FioJob): Proc<FileHandle> {
    if (job.sizeBytes > this.bdev.capacityBytes) {
      throw new InputError(job.file, MSG.rawTooLarge(job.name, job.sizeBytes, this.bdev.capacityBytes));
    }
    return { name: job.filename, sizeBytes: job.sizeBytes };
  }

  *write(_file: FileHandle, offsetBytes: number, lengthBytes: number): Proc {
    yield this.bdev.submit(writeBio(offsetBytes, lengthBytes));
  }

  *fsync(_file: FileHandle, _datasync: boolean): Proc<FsyncReport> {
    const t0 = this.env.nowNs;
    yield this.bdev.submit(emptyFlushBio());
    const flush = this.env.nowNs - t0;
    return { path: "none", logItemsCopied: 0, logBlocksWritten: 0, fsExtentItems: 0, breakdownNs: { cpu: 0, dataIo: 0, logIo: 0, flush, commit: 0 } };
  }

  *truncate(): Proc {
    throw new Error("truncate on a raw device (RawDeviceFs.check refuses such jobs)");
  }

  shutdown(): void {}

  modelStats(): Readonly<Record<string, number>> {
    return {};
  }
}
