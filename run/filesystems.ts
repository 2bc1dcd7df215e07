// Building the filesystem a run uses: the raw device, or btrfs (freshly made) with a logger and the
// btrfs and CPU parameters resolved from `--set btrfs.X` / `--set cpu.X`.
import type { BlockDevice } from "../block/index.ts";
import { BTRFS_PARAMS, BtrfsFilesystem, FSYNC_LOGGERS, SECTOR_BYTES_BTRFS, type LoggerKind } from "../btrfs/index.ts";
import type { Environment } from "../sim/index.ts";
import { CPU_PARAMS } from "../btrfs/cpu/index.ts";
import { RawDeviceFs, type FileSystem, type FsKind } from "../fs/index.ts";
import { resolveParams, type ParamOverride, type ParamValue } from "../lib/params/index.ts";
import { maxBlockBytes, minBlockBytes, type FioJob } from "../workloads/index.ts";
import { MSG } from "../lib/messages.ts";
import { InputError } from "../lib/input-error.ts";

export interface FsChoice {
  readonly fs: FsKind;
  readonly logger: LoggerKind;
  readonly btrfsOverrides: readonly ParamOverride[];
  readonly cpuOverrides: readonly ParamOverride[];
}

export interface BuiltFs {
  readonly fs: FileSystem;
  /** The parameters in force, by table ("btrfs", "cpu"), for the results metadata. */
  readonly params: Readonly<Record<string, Readonly<Record<string, ParamValue>>>>;
  readonly warnings: string[];
}

/** Resolves parameters first (so bad input fails before anything runs), then builds the filesystem. */
export function buildFilesystem(env: Environment, bdev: BlockDevice, jobs: readonly FioJob[], choice: FsChoice): BuiltFs {
  const btrfs = resolveParams(BTRFS_PARAMS, choice.btrfsOverrides, "btrfs.");
  const cpu = resolveParams(CPU_PARAMS, choice.cpuOverrides, "cpu.");
  if (choice.fs === "raw") {
    const warnings = RawDeviceFs.check(jobs);
    return { fs: new RawDeviceFs(env, bdev), params: {}, warnings };
  }
  for (const job of jobs) {
    // btrfs_direct_IO (check_direct_IO): offsets and lengths must be multiples of the sector size.
    const sizes = [job.bs.read, job.bs.write].flatMap((b) => [minBlockBytes(b), maxBlockBytes(b)]);
    if (job.direct && (job.bsUnaligned || sizes.some((n) => n % SECTOR_BYTES_BTRFS !== 0))) {
      throw new InputError(job.file, MSG.btrfsDirectUnaligned(job.name, SECTOR_BYTES_BTRFS));
    }
  }
  return { fs: new BtrfsFilesystem(env, bdev, btrfs, cpu, FSYNC_LOGGERS[choice.logger]), params: { btrfs, cpu }, warnings: [] };
}
