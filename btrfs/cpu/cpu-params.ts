// The host CPU cost model: the time the kernel spends per unit of btrfs work, as a typed table.
// No source publishes these per-operation costs for a 2012 machine. Their relative sizes are
// stated plausibility figures; two values are fitted to the seed table (status "calibrated"):
// costScaleRatio, the host's speed applied to every per-operation cost, and fsyncFixedUs, the
// fsync path's CPU the model does not break down. docs/calibration.md gives the fit and the cells
// each one moves.
import type { ParamTable } from "../../lib/params/index.ts";

export const CPU_PARAMS = {
  writeSyscallUs: {
    kind: "number", default: 4, min: 0, max: 1e4,
    help: "buffered write(2) of one page: syscall, copy into the page cache, delalloc reservation, time update",
    source: "plausibility: a few µs per 4 KiB buffered write on a 2012 server core", status: "unconfirmed",
  },
  readPageUs: {
    kind: "number", default: 2, min: 0, max: 1e4,
    help: "read(2) of one page: syscall share, page-cache lookup, copy to user (also each O_DIRECT page's setup)",
    source: "plausibility: a 4 KiB copy from the page cache plus a radix-tree lookup on a 2012 server core", status: "unconfirmed",
  },
  fsyncFixedUs: {
    kind: "number", default: 1255.4, min: 0, max: 1e5,
    help: "fsync CPU not broken down below: syscall, transaction start/end and space reservation, worker hand-offs, log mutexes",
    source: "calibrated against the seed table (Fusion-io patched cell)", status: "calibrated",
  },
  btreeSearchLevelUs: {
    kind: "number", default: 0.5, min: 0, max: 1e3,
    help: "one level of a btree search: lock the block, binary-search its keys (btrfs_search_slot)",
    source: "plausibility: a tree lock plus a binary search over ~100 keys", status: "unconfirmed",
  },
  blockCowUs: {
    kind: "number", default: 4, min: 0, max: 1e4,
    help: "copy-on-write of one tree block: allocate, copy nodesize bytes, relink (__btrfs_cow_block)",
    source: "plausibility: a 4 KiB copy plus free-space allocation", status: "unconfirmed",
  },
  itemInsertUs: {
    kind: "number", default: 1, min: 0, max: 1e3,
    help: "insert one item into a leaf and fill it (btrfs_insert_empty_items + copy; copy_items per item)",
    source: "plausibility: a memmove within the leaf plus the item copy", status: "unconfirmed",
  },
  itemDeleteUs: {
    kind: "number", default: 0.5, min: 0, max: 1e3,
    help: "delete one item from a leaf (btrfs_del_items, per item)",
    source: "taken as half an insert: a memmove without the fill", status: "unconfirmed",
  },
  csumLookupUs: {
    kind: "number", default: 2, min: 0, max: 1e3,
    help: "look up the checksums of one extent in the csum tree (btrfs_lookup_csums_range), search excluded",
    source: "plausibility: allocate an ordered_sum and copy the csums", status: "unconfirmed",
  },
  dataCsumUs: {
    kind: "number", default: 1.5, min: 0, max: 1e3,
    help: "crc32c of one 4 KiB data page at bio submission",
    source: "software crc32c ~3 GB/s on 2012 x86 (slice-by-8); SSE4.2 is faster", status: "unconfirmed",
  },
  orderedCompletionUs: {
    kind: "number", default: 150, min: 0, max: 1e5,
    help: "fixed cost of btrfs_finish_ordered_io, its tree operations excluded",
    source: "FM-2020 (linux-btrfs, Aug 2020): ordered-extent completion takes 100-200 µs uncontended; midpoint", status: "secondary",
  },
  extentMapOpUs: {
    kind: "number", default: 0.5, min: 0, max: 1e3,
    help: "one extent-map operation (add, split, merge, list move) under the tree lock",
    source: "plausibility: an rbtree insert or list move", status: "unconfirmed",
  },
  delayedRefUs: {
    kind: "number", default: 2, min: 0, max: 1e4,
    help: "running one delayed extent reference at commit (btrfs_run_delayed_refs per ref), search excluded",
    source: "plausibility", status: "unconfirmed",
  },
  commitFixedUs: {
    kind: "number", default: 500, min: 0, max: 1e6,
    help: "fixed CPU of a transaction commit outside the costs above (locks, root switching, waits)",
    source: "plausibility", status: "unconfirmed",
  },
  costScaleRatio: {
    kind: "number", default: 0.5527, min: 0.01, max: 100,
    help: "multiplies every per-operation cost above (all but fsyncFixedUs): the host CPU's speed",
    source: "calibrated against the seed table (Fusion-io original cell)", status: "calibrated",
  },
  hz: {
    kind: "number", default: 1000, min: 100, max: 1000, integer: true,
    help: "kernel timer frequency CONFIG_HZ: the length of one jiffy is 1/hz",
    source: "CONFIG_HZ=1000, common in 2012 desktop/Fedora kernels; the seed's kernel config is unpublished", status: "unconfirmed",
  },
  orderedWaitSleep: {
    kind: "boolean", default: false,
    help: "btrfs_wait_ordered_range sleeps one jiffy and rescans after it found an ordered extent",
    source: "3.4 ordered-data.c calls schedule_timeout(1) without setting the task state, which does not sleep; the 3.6+ variant has no loop",
    status: "derived",
  },
} as const satisfies ParamTable;
