// Building the filesystem a run uses: the raw device, or btrfs (freshly made) with a logger and the
// btrfs and CPU parameters resolved from `--set btrfs.X` / `--set cpu.X`.
import type { BlockDevice } from "../block/index.ts";
import { BTRFS_PARAMS, BtrfsFilesystem, FSYNC_LOGGERS, type LoggerKind } from "../btrfs/index.ts";
import type { Environment } from "../core/index.ts";
import { CPU_PARAMS } from "../cpu/index.ts";
import { RawDeviceFs, type FileSystem, type FsKind } from "../fs/index.ts";
import { resolveParams, type ParamOverride, type ParamValue } from "../params/index.ts";
import type { FioJob } from "../../workloads/index.ts";

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
export function buildFilesystem(env: Environment, bdev: BlockDevice, job: FioJob, choice: FsChoice): BuiltFs {
  const btrfs = resolveParams(BTRFS_PARAMS, choice.btrfsOverrides, "btrfs.");
  const cpu = resolveParams(CPU_PARAMS, choice.cpuOverrides, "cpu.");
  if (choice.fs === "raw") {
    const warnings = RawDeviceFs.check(job);
    return { fs: new RawDeviceFs(env, bdev), params: {}, warnings };
  }
  return { fs: new BtrfsFilesystem(env, bdev, btrfs, cpu, FSYNC_LOGGERS[choice.logger]), params: { btrfs, cpu }, warnings: [] };
}
