// --fs raw: the job's file is the block device itself from byte 0, and the job writes straight to
// it: each write is one bio that completes when the device acknowledges it, and each fsync (or
// O_SYNC write) is one empty flush, as blkdev_fsync -> blkdev_issue_flush does. No filesystem, no
// page cache and no CPU cost beyond the driver's: the ceiling any filesystem could reach on the
// device for this job.
import { emptyFlushBio, writeBio, type BlockDevice } from "../block/index.ts";
import type { Proc } from "../core/index.ts";
import { MSG } from "../messages.ts";
import { InputError } from "../util/input-error.ts";
import type { FioJob } from "../../workloads/index.ts";
import type { FileHandle, FileSystem } from "./filesystem.ts";

const RAW_IGNORED_OPTIONS = ["fallocate", "filename"] as const;

export class RawDeviceFs implements FileSystem {
  private readonly bdev: BlockDevice;

  constructor(bdev: BlockDevice) {
    this.bdev = bdev;
  }

  /** Checks the job can run on the raw device; returns warnings for options that have no effect. */
  static check(job: FioJob): string[] {
    if (job.bsBytes % 512 !== 0) throw new InputError(job.file, MSG.rawUnaligned(job.name, job.bsBytes));
    return RAW_IGNORED_OPTIONS.filter((o) => Object.hasOwn(job.options, o)).map((o) =>
      MSG.rawIgnores(o, job.options[o] ?? ""),
    );
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

  *fsync(_file: FileHandle, _datasync: boolean): Proc {
    yield this.bdev.submit(emptyFlushBio());
  }
}
