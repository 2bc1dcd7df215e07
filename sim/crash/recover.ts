// Mounting after a crash (disk-io.c open_ctree, tree-log.c btrfs_recover_log_trees), on the blocks a
// device state holds: read the primary superblock; walk the root tree it names to the fs tree and
// the csum tree, accepting a tree block only if some copy of it (DUP metadata has two) holds that
// block at the generation its parent expects, whole (btree_read_extent_buffer_pages' mirror retry
// and verify_parent_transid); then, if the superblock names a log, replay it as recovery does:
// inode items overwrite the fs tree's, each logged file extent replaces what overlapped it
// (replay_one_extent), the log's checksums join the csum tree's, and extents past the logged size
// go (orphan cleanup). The result is each file as the mounted filesystem would show it, and the
// checksum recovery would verify each data block against.
import type { CsumData, FileExtentData, InodeItemData, Item, RootItemData } from "../btrfs/ctree/items.ts";
import { KEY_TYPE, OBJECTID } from "../btrfs/ctree/key.ts";
import { SUPERBLOCK_OFFSETS } from "../btrfs/disk-io.ts";
import type { Volumes } from "../btrfs/volumes.ts";
import type { DeviceState } from "./device-image.ts";
import type { DataImage, SuperImage, TreeBlockImage } from "./images.ts";
import { IMAGE_BLOCK_BYTES } from "./recorder.ts";

/** A file extent as recovery sees it. */
export interface RecoveredExtent {
  readonly fileOffset: number;
  readonly numBytes: number;
  readonly extentType: FileExtentData["extentType"];
  /** Logical disk address of the extent's first byte in the file (0 for a hole). */
  readonly diskStart: number;
}

export interface RecoveredFile {
  readonly sizeBytes: number;
  /** Sorted by file offset, disjoint. */
  readonly extents: RecoveredExtent[];
}

export interface Recovered {
  readonly files: Map<number, RecoveredFile>;
  /** The data each checksummed logical 4 KiB block must hold (null: no data write before the checksum). */
  readonly csums: Map<number, DataImage | null>;
  /** Whether a log was replayed. */
  readonly replayedLog: boolean;
}

/** Recovery could not read something it needs: the filesystem does not mount as it should. */
export class MountError extends Error {}

export interface RecoveryContext {
  readonly volumes: Volumes;
  readonly nodesize: number;
  /** The inodes to recover (the workload's files). */
  readonly inodes: ReadonlySet<number>;
  /** The data image written to a logical 4 KiB block most recently before write `seq`. */
  readonly dataBefore: (logicalBlock: number, seq: number) => DataImage | undefined;
}

export function recover(state: DeviceState, ctx: RecoveryContext): Recovered {
  const superblock = state.read((SUPERBLOCK_OFFSETS[0] as number) / IMAGE_BLOCK_BYTES);
  if (superblock === undefined || superblock.image.kind !== "super") throw new MountError("no superblock at 64 KiB");
  const sb = superblock.image as SuperImage;
  const reader = new TreeReader(state, ctx);
  const roots = new Map<number, RootItemData>();
  for (const { item } of reader.items(sb.rootTreeBytenr, sb.generation, "root tree")) {
    if (item.key.type === KEY_TYPE.ROOT_ITEM) roots.set(item.key.objectid, item.data as RootItemData);
  }
  const files = new Map<number, { sizeBytes: number; extents: RecoveredExtent[] }>();
  const csums = new Map<number, DataImage | null>();
  const fsRoot = roots.get(OBJECTID.FS_TREE);
  if (fsRoot === undefined) throw new MountError("the root tree has no fs tree root item");
  for (const { item } of reader.items(fsRoot.bytenr, fsRoot.generation, "fs tree")) collectFileItem(files, ctx, item, false);
  const csumRoot = roots.get(OBJECTID.CSUM_TREE);
  if (csumRoot === undefined) throw new MountError("the root tree has no csum tree root item");
  for (const { item, seq } of reader.items(csumRoot.bytenr, csumRoot.generation, "csum tree")) collectCsums(csums, ctx, item, seq);
  if (sb.logRootBytenr === 0) return { files, csums, replayedLog: false };

  let logTree: RootItemData | undefined;
  for (const { item } of reader.items(sb.logRootBytenr, sb.logRootGeneration, "log root tree")) {
    if (item.key.type === KEY_TYPE.ROOT_ITEM && item.key.offset === OBJECTID.FS_TREE) logTree = item.data as RootItemData;
  }
  if (logTree === undefined) throw new MountError("the log root tree has no log for the fs tree");
  const logged = new Map<number, { sizeBytes: number; extents: RecoveredExtent[] }>();
  for (const { item, seq } of reader.items(logTree.bytenr, logTree.generation, "log tree")) {
    if (item.key.objectid === OBJECTID.EXTENT_CSUM) collectCsums(csums, ctx, item, seq);
    else collectFileItem(logged, ctx, item, true);
  }
  for (const [ino, log] of logged) {
    const file = files.get(ino) ?? { sizeBytes: 0, extents: [] };
    if (log.sizeBytes >= 0) file.sizeBytes = log.sizeBytes;
    for (const e of log.extents) replaceRange(file.extents, e);
    // Orphan cleanup: nothing of a logged file survives past its size.
    truncateExtents(file.extents, file.sizeBytes);
    files.set(ino, file);
  }
  return { files, csums, replayedLog: true };
}

/** Adds an inode item or file extent item of a workload file; a log's inode item sets the size. */
function collectFileItem(files: Map<number, { sizeBytes: number; extents: RecoveredExtent[] }>, ctx: RecoveryContext, item: Item, fromLog: boolean): void {
  const ino = item.key.objectid;
  if (!ctx.inodes.has(ino)) return;
  let file = files.get(ino);
  if (file === undefined) {
    file = { sizeBytes: fromLog ? -1 : 0, extents: [] };
    files.set(ino, file);
  }
  if (item.key.type === KEY_TYPE.INODE_ITEM) {
    file.sizeBytes = (item.data as InodeItemData).sizeBytes;
  } else if (item.key.type === KEY_TYPE.EXTENT_DATA) {
    const fe = item.data as FileExtentData;
    const extent = { fileOffset: item.key.offset, numBytes: fe.numBytes, extentType: fe.extentType, diskStart: fe.diskBytenr === 0 ? 0 : fe.diskBytenr + fe.offset };
    file.extents.push(extent);
  }
}

/** Checksum items: each covered logical block must hold the data written there before the item was. */
function collectCsums(csums: Map<number, DataImage | null>, ctx: RecoveryContext, item: Item, seq: number): void {
  if (item.key.objectid !== OBJECTID.EXTENT_CSUM) return;
  const first = item.key.offset / IMAGE_BLOCK_BYTES;
  for (let i = 0; i < (item.data as CsumData).sectors; i++) csums.set(first + i, ctx.dataBefore(first + i, seq) ?? null);
}

/** replay_one_extent: the logged extent replaces whatever covered its range. */
function replaceRange(extents: RecoveredExtent[], e: RecoveredExtent): void {
  cutRange(extents, e.fileOffset, e.fileOffset + e.numBytes);
  let i = extents.findIndex((x) => x.fileOffset > e.fileOffset);
  if (i < 0) i = extents.length;
  extents.splice(i, 0, e);
}

/** Removes [start, end) from the extents, trimming those that straddle it. */
function cutRange(extents: RecoveredExtent[], start: number, end: number): void {
  for (let i = 0; i < extents.length; i++) {
    const x = extents[i] as RecoveredExtent;
    const xEnd = x.fileOffset + x.numBytes;
    if (xEnd <= start || x.fileOffset >= end) continue;
    const pieces: RecoveredExtent[] = [];
    if (x.fileOffset < start) pieces.push({ ...x, numBytes: start - x.fileOffset });
    if (xEnd > end) pieces.push({ ...x, fileOffset: end, numBytes: xEnd - end, diskStart: x.diskStart === 0 ? 0 : x.diskStart + (end - x.fileOffset) });
    extents.splice(i, 1, ...pieces);
    i += pieces.length - 1;
  }
}

function truncateExtents(extents: RecoveredExtent[], sizeBytes: number): void {
  const end = Math.ceil(sizeBytes / IMAGE_BLOCK_BYTES) * IMAGE_BLOCK_BYTES;
  cutRange(extents, end, Number.MAX_SAFE_INTEGER);
}

/** Reads trees from a device state, block by block, as open_ctree's readers do. */
class TreeReader {
  private readonly state: DeviceState;
  private readonly ctx: RecoveryContext;

  constructor(state: DeviceState, ctx: RecoveryContext) {
    this.state = state;
    this.ctx = ctx;
  }

  /** Every item of the tree rooted at `bytenr` (generation `generation`) in key order, with the write that put its leaf on disk. */
  *items(bytenr: number, generation: number, tree: string): Generator<{ item: Item; seq: number }> {
    const { image, seq } = this.block(bytenr, generation, tree);
    if (image.level === 0) {
      for (const item of image.items ?? []) yield { item, seq };
      return;
    }
    for (const ptr of image.ptrs ?? []) yield* this.items(ptr.bytenr, ptr.generation, tree);
  }

  /** A tree block from whichever copy holds it whole, at the expected generation. */
  private block(bytenr: number, generation: number, tree: string): { image: TreeBlockImage; seq: number } {
    const found: string[] = [];
    for (const phys of this.ctx.volumes.physical(bytenr)) {
      const first = phys / IMAGE_BLOCK_BYTES;
      const head = this.state.read(first);
      if (head === undefined || head.image.kind !== "tree") {
        found.push(head === undefined ? "nothing" : head.image.kind);
        continue;
      }
      let whole = true;
      for (let k = 1; k < this.ctx.nodesize / IMAGE_BLOCK_BYTES; k++) if (this.state.read(first + k)?.seq !== head.seq) whole = false;
      const image = head.image;
      if (!whole) found.push("a torn block");
      else if (image.bytenr !== bytenr || image.generation !== generation) found.push(`block ${image.bytenr} of generation ${image.generation}`);
      else return { image, seq: head.seq };
    }
    throw new MountError(`${tree}: block ${bytenr} of generation ${generation} is not on the device (found ${found.join(", ")})`);
  }
}
