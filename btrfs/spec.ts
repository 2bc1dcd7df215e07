// --fs btrfs in the filesystem registry: its parameter tables (btrfs.X, cpu.X), its four fsync
// loggers, the job it refuses (O_DIRECT at offsets and lengths that are not multiples of the
// sector size: btrfs_direct_IO's check_direct_IO returns EINVAL), and a freshly made filesystem.
import { InputError, MSG } from "../lib/index.ts";
import type { FsSpec } from "../fs/index.ts";
import { BtrfsFilesystem } from "./btrfs-fs.ts";
import { CPU_PARAMS } from "./cpu/index.ts";
import { SECTOR_BYTES_BTRFS } from "./fs-info.ts";
import { DEFAULT_LOGGER, FSYNC_LOGGERS, LOGGER_KINDS, loggerKind } from "./loggers/index.ts";
import { BTRFS_PARAMS } from "./params.ts";

const BTRFS_GROUPS = {
  btrfs: { title: "btrfs", summary: "mkfs layout, transaction timing and the configurable fallback (`btrfs/params.ts`).", table: BTRFS_PARAMS },
  cpu: { title: "CPU", summary: "Host CPU cost per unit of btrfs work (`btrfs/cpu/cpu-params.ts`).", table: CPU_PARAMS },
};

export const btrfsSpec: FsSpec<typeof BTRFS_GROUPS> = {
  name: "btrfs",
  summary: "the mechanistic model of Linux 3.7 btrfs: B-trees, extent maps, ordered extents, transactions, the tree log",
  params: BTRFS_GROUPS,
  loggers: LOGGER_KINDS.map((k) => FSYNC_LOGGERS[k]),
  defaultLogger: DEFAULT_LOGGER,
  crashCheck: true,
  check(jobs) {
    for (const job of jobs) {
      const sizes = job.blockSizes.flatMap((b) => [b.minBytes, b.maxBytes]);
      if (job.direct && (job.bsUnaligned || sizes.some((n) => n % SECTOR_BYTES_BTRFS !== 0))) {
        throw new InputError(job.file, MSG.btrfsDirectUnaligned(job.name, SECTOR_BYTES_BTRFS));
      }
    }
    return [];
  },
  create(env, bdev, params, logger) {
    return new BtrfsFilesystem(env, bdev, params.btrfs, params.cpu, FSYNC_LOGGERS[loggerKind(logger ?? DEFAULT_LOGGER)]);
  },
};
