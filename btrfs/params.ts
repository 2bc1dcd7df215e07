// Parameters of the btrfs model: mkfs layout, transaction timing and the fallbacks reachable by
// configuration. Sources: docs/sources.md (§B1.3, §B4; §B2.5, §B2.6 for the fallbacks) and the
// 3.x kernel.
import type { ParamTable, ParamValues } from "../lib/params/index.ts";

export const BTRFS_PARAMS = {
  nodesizeBytes: {
    kind: "number", default: 4096, min: 4096, max: 65536, integer: true,
    help: "tree block (leaf and node) size chosen at mkfs; a power of two",
    source: "mkfs in 2012 used the page size, 4 KiB; 16 KiB became the default in btrfs-progs 3.12", status: "confirmed",
  },
  metadataProfile: {
    kind: "choice", choices: ["dup", "single"], default: "dup",
    help: "metadata chunks: DUP writes every tree block twice on the one device",
    source: "btrfs-progs 0.20 mkfs: metadata DUP on a single device (no SSD detection until 2013)", status: "confirmed",
  },
  systemChunkBytes: {
    kind: "number", default: 4 * 2 ** 20, min: 2 ** 20, max: 2 ** 30, integer: true,
    help: "size of mkfs's system chunk (each copy)",
    source: "btrfs-progs mkfs BTRFS_MKFS_SYSTEM_GROUP_SIZE 4 MiB", status: "unconfirmed",
  },
  metadataChunkBytes: {
    kind: "number", default: 2 ** 30, min: 8 * 2 ** 20, max: 2 ** 36, integer: true,
    help: "size of a metadata chunk (each copy)",
    source: "kernel __btrfs_alloc_chunk: 1 GiB metadata stripes on filesystems over 50 GiB; mkfs 0.20's first chunk unconfirmed", status: "derived",
  },
  dataChunkBytes: {
    kind: "number", default: 2 ** 30, min: 8 * 2 ** 20, max: 2 ** 36, integer: true,
    help: "size of a data chunk",
    source: "kernel __btrfs_alloc_chunk: data stripes of at most 1 GiB", status: "confirmed",
  },
  commitIntervalS: {
    kind: "number", default: 30, min: 1, max: 3600,
    help: "a transaction older than this is committed by transaction_kthread",
    source: "3.x transaction_kthread: hard-coded 30 s (the commit= mount option came later)", status: "confirmed",
  },
  commitCheckS: {
    kind: "number", default: 5, min: 0.1, max: 3600,
    help: "how often transaction_kthread checks the running transaction's age",
    source: "3.x transaction_kthread sleeps 5 s between checks", status: "confirmed",
  },
  preallocMaxExtentBytes: {
    kind: "number", default: 256 * 2 ** 20, min: 4096, max: 2 ** 36, integer: true,
    help: "largest extent one fallocate step reserves",
    source: "3.x __btrfs_prealloc_file_range: min(num_bytes, 256 MiB) per step", status: "confirmed",
  },
  ssd: {
    kind: "choice", choices: ["auto", "on", "off"], default: "auto",
    help: "the ssd mount option; auto = on when the device is non-rotational. Without it a log sync with several processes logging sleeps one jiffy to batch them",
    source: "3.7 open_ctree: ssd unless a device is rotating; btrfs_sync_log: schedule_timeout_uninterruptible(1) when !SSD && log_multiple_pids", status: "confirmed",
  },
  readaheadBytes: {
    kind: "number", default: 128 * 1024, min: 0, max: 2 ** 30, integer: true,
    help: "largest readahead window for sequential buffered reads (0 = none)",
    source: "Linux 3.x VM_MAX_READAHEAD = 128 KiB (the default read_ahead_kb)", status: "confirmed",
  },
  inodeEvictionEveryOps: {
    kind: "number", default: 0, min: 0, max: 1e9, integer: true,
    help: "evict the file's inode from memory after every N writes and read it back (0 = never)",
    source: "fallback trigger: btrfs_read_locked_inode sets NEEDS_FULL_SYNC when read back in the transaction that last changed it", status: "convention",
  },
} as const satisfies ParamTable;

export type BtrfsParams = ParamValues<typeof BTRFS_PARAMS>;
