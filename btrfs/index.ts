// The btrfs model: B-trees, extent maps, ordered extents, transactions, the tree log and its
// loggers, as Linux 3.7 had them around "Btrfs: turbo charge fsync".
export { BtrfsFilesystem } from "./btrfs-fs.ts";
export { BTRFS_PARAMS, type BtrfsParams } from "./params.ts";
export { DEFAULT_LOGGER, FSYNC_LOGGERS, LOGGER_KINDS, MAX_LOGGED_EXTENTS, loggerKind, type FsyncLogger, type LoggerKind, type LogResult } from "./loggers/index.ts";
export { SECTOR_BYTES_BTRFS } from "./fs-info.ts";
export { CPU_KINDS, CPU_PARAMS, CpuMeter, type CpuKind, type CpuParams } from "./cpu/index.ts";
export { btrfsSpec } from "./spec.ts";
export { treeBlockImage, type SuperImage, type TreeBlockImage } from "./disk-image.ts";
export { KERNEL_LOG_SYNC_IO, kernelRecording, type BtrfsRecording, type LogSyncIo } from "./recording.ts";
