// btrfs keys: (objectid, type, offset), ordered by each field in turn (ctree.h btrfs_comp_cpu_keys).
// The kernel's u64 objectids above 2^63 (the "negative" tree-log and csum objectids) are mapped
// just below 2^53 so they keep their order and stay exact JavaScript numbers.
// Values from fs/btrfs/ctree.h at 5dc562c (docs/sources.md §B1).

export interface Key {
  readonly objectid: number;
  readonly type: number;
  readonly offset: number;
}

/** Item types; their numeric order is also the sort order within an objectid. */
export const KEY_TYPE = {
  INODE_ITEM: 1,
  INODE_REF: 12,
  XATTR_ITEM: 24,
  ORPHAN_ITEM: 48,
  DIR_LOG_ITEM: 60,
  DIR_LOG_INDEX: 72,
  DIR_ITEM: 84,
  DIR_INDEX: 96,
  EXTENT_DATA: 108,
  EXTENT_CSUM: 128,
  ROOT_ITEM: 132,
  EXTENT_ITEM: 168,
  BLOCK_GROUP_ITEM: 192,
  MAX: 255,
} as const;

/** Stand-in for u64 2^64 - n, keeping the kernel's order among such objectids. */
const negative = (n: number): number => 2 ** 53 - n;

export const OBJECTID = {
  ROOT_TREE: 1,
  EXTENT_TREE: 2,
  CHUNK_TREE: 3,
  DEV_TREE: 4,
  FS_TREE: 5,
  CSUM_TREE: 7,
  /** The root directory of a subvolume. */
  FIRST_FREE: 256,
  /** Log trees (BTRFS_TREE_LOG_OBJECTID = -6). */
  TREE_LOG: negative(6),
  /** Checksum items (BTRFS_EXTENT_CSUM_OBJECTID = -10). */
  EXTENT_CSUM: negative(10),
} as const;

/** The largest offset, standing in for (u64)-1. */
export const MAX_OFFSET = Number.MAX_SAFE_INTEGER;

export function key(objectid: number, type: number, offset: number): Key {
  return { objectid, type, offset };
}

/** Negative, zero or positive as a sorts before, with, or after b. */
export function compareKeys(a: Key, b: Key): number {
  if (a.objectid !== b.objectid) return a.objectid < b.objectid ? -1 : 1;
  if (a.type !== b.type) return a.type - b.type;
  if (a.offset !== b.offset) return a.offset < b.offset ? -1 : 1;
  return 0;
}

/** A key as text, "objectid type offset" (for messages). */
export function keyText(k: Key): string {
  return `${k.objectid} ${k.type} ${k.offset}`;
}
