// Items and keys the B-tree tests share: file extent items of inode 257 (25 + 53 bytes each, 51 to
// a 4 KiB leaf) keyed by file offset, and keys below and above everything.
import { fileExtentItem, type Item } from "../../../btrfs/ctree/items.ts";
import { KEY_TYPE, MAX_OFFSET, key, type Key } from "../../../btrfs/ctree/key.ts";

/** Inode 257's extent item at file offset `offset`. */
export const extent = (offset: number): Item =>
  fileExtentItem(key(257, KEY_TYPE.EXTENT_DATA, offset), { extentType: "reg", generation: 1, diskBytenr: 1e9 + offset, diskNumBytes: 4096, offset: 0, numBytes: 4096 });

/** The key of inode 257's extent item at `offset`. */
export const extentKey = (offset: number): Key => key(257, KEY_TYPE.EXTENT_DATA, offset);

/** A key at or below every key. */
export const ALL = key(0, 0, 0);
/** A key at or above every key. */
export const END = key(Number.MAX_SAFE_INTEGER, 255, MAX_OFFSET);
