// The item payloads the model keeps, with their on-disk sizes in bytes (docs/sources.md §B1,
// computed from the packed structs in ctree.h). Items are immutable values: changing one means
// putting a new item in its slot, so a leaf copied into the log can share items with its source.
import { KEY_TYPE, type Key } from "./key.ts";

/** struct btrfs_header, at the start of every leaf and node. */
export const HEADER_BYTES = 101;
/** struct btrfs_item: key (17) + data offset (4) + data size (4). */
export const ITEM_HEADER_BYTES = 25;
/** struct btrfs_disk_key. */
export const DISK_KEY_BYTES = 17;
/** struct btrfs_key_ptr: key (17) + blockptr (8) + generation (8). */
export const KEY_PTR_BYTES = 33;
/** struct btrfs_file_extent_item for regular and prealloc extents. */
export const FILE_EXTENT_ITEM_BYTES = 53;
/** struct btrfs_inode_item. */
export const INODE_ITEM_BYTES = 160;
/** struct btrfs_inode_ref, before the name. */
export const INODE_REF_BYTES = 10;
/** struct btrfs_dir_item, before the name. */
export const DIR_ITEM_BYTES = 30;
/** struct btrfs_root_item (with the v2 fields present at 5dc562c). */
export const ROOT_ITEM_BYTES = 439;
/** crc32c per data sector in a csum item. */
export const CSUM_BYTES_PER_SECTOR = 4;
/** btrfs_extent_item (24) + btrfs_tree_block_info (18) + one inline TREE_BLOCK_REF (9). */
export const TREE_EXTENT_ITEM_BYTES = 24 + 18 + 9;
/** btrfs_extent_item (24) + one inline EXTENT_DATA_REF (1 + 28). */
export const DATA_EXTENT_ITEM_BYTES = 24 + 29;
/** struct btrfs_block_group_item. */
export const BLOCK_GROUP_ITEM_BYTES = 24;
/** struct btrfs_dir_log_item. */
export const DIR_LOG_ITEM_BYTES = 8;

export type FileExtentType = "reg" | "prealloc";

export interface FileExtentData {
  readonly kind: "file-extent";
  readonly extentType: FileExtentType;
  /** Transaction that last wrote this item (btrfs_file_extent_generation). */
  readonly generation: number;
  /** Logical start of the disk extent; 0 for a hole. */
  readonly diskBytenr: number;
  readonly diskNumBytes: number;
  /** Where in the disk extent this item's bytes begin. */
  readonly offset: number;
  readonly numBytes: number;
}

export interface CsumData {
  readonly kind: "csum";
  /** Data sectors covered, starting at the key's offset (a logical disk address). */
  readonly sectors: number;
}

export interface InodeItemData {
  readonly kind: "inode";
  readonly generation: number;
  readonly transid: number;
  readonly sizeBytes: number;
}

export interface InodeRefData {
  readonly kind: "inode-ref";
  readonly nameLen: number;
}

export interface DirItemData {
  readonly kind: "dir-item";
  readonly location: number;
  readonly nameLen: number;
}

export interface RootItemData {
  readonly kind: "root";
  readonly bytenr: number;
  readonly level: number;
  readonly generation: number;
}

export interface ExtentItemData {
  readonly kind: "extent";
  readonly refs: number;
  readonly tree: boolean;
}

export interface BlockGroupData {
  readonly kind: "block-group";
  readonly usedBytes: number;
}

export type ItemData =
  | FileExtentData
  | CsumData
  | InodeItemData
  | InodeRefData
  | DirItemData
  | RootItemData
  | ExtentItemData
  | BlockGroupData;

export interface Item {
  readonly key: Key;
  /** Payload bytes in the leaf (the item header's 25 bytes are extra). */
  readonly size: number;
  readonly data: ItemData;
}

/** Bytes an item takes in a leaf: its header plus its payload. */
export function itemFootprint(item: Item): number {
  return ITEM_HEADER_BYTES + item.size;
}

export function fileExtentItem(k: Key, data: Omit<FileExtentData, "kind">): Item {
  return { key: k, size: FILE_EXTENT_ITEM_BYTES, data: { kind: "file-extent", ...data } };
}

export function csumItem(k: Key, sectors: number): Item {
  return { key: k, size: sectors * CSUM_BYTES_PER_SECTOR, data: { kind: "csum", sectors } };
}

export function inodeItem(k: Key, data: Omit<InodeItemData, "kind">): Item {
  return { key: k, size: INODE_ITEM_BYTES, data: { kind: "inode", ...data } };
}

export function inodeRefItem(k: Key, nameLen: number): Item {
  return { key: k, size: INODE_REF_BYTES + nameLen, data: { kind: "inode-ref", nameLen } };
}

export function dirItem(k: Key, location: number, nameLen: number): Item {
  return { key: k, size: DIR_ITEM_BYTES + nameLen, data: { kind: "dir-item", location, nameLen } };
}

export function rootItem(k: Key, data: Omit<RootItemData, "kind">): Item {
  return { key: k, size: ROOT_ITEM_BYTES, data: { kind: "root", ...data } };
}

export function extentItem(k: Key, refs: number, tree: boolean): Item {
  return { key: k, size: tree ? TREE_EXTENT_ITEM_BYTES : DATA_EXTENT_ITEM_BYTES, data: { kind: "extent", refs, tree } };
}

export function blockGroupItem(k: Key, usedBytes: number): Item {
  return { key: k, size: BLOCK_GROUP_ITEM_BYTES, data: { kind: "block-group", usedBytes } };
}

/** The end (exclusive) of the file range a file extent item covers. */
export function fileExtentEnd(item: Item): number {
  return item.key.offset + (item.data as FileExtentData).numBytes;
}

export function isFileExtent(item: Item): item is Item & { data: FileExtentData } {
  return item.key.type === KEY_TYPE.EXTENT_DATA;
}
