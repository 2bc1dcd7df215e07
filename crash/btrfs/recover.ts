// Mounting after a crash (disk-io.c open_ctree, tree-log.c btrfs_recover_log_trees), on the blocks a
// device state holds: read the primary superblock; walk the root tree it names to the fs tree and
// the csum tree, accepting a tree block only if some copy of it (DUP metadata has two) holds that
// block at the generation its parent expects, whole (btree_read_extent_buffer_pages' mirror retry
// and verify_parent_transid); then, if the superblock names a log, replay it as recovery does:
// inode items overwrite the fs tree's, each logged file extent replaces what overlapped it
// (replay_one_extent), the log's checksums join the csum tree's, and extents past the logged size
// go (orphan cleanup). The result is each file as the mounted filesystem would show it, and the
// checksum recovery would verify each data block against.
import type { FileExtentData, InodeItemData, RootItemData } from "../../btrfs/ctree/items.ts";
import { KEY_TYPE, OBJECTID } from "../../btrfs/ctree/key.ts";
import { SUPERBLOCK_OFFSETS } from "../../btrfs/disk-io.ts";
import type { Volumes } from "../../btrfs/volumes.ts";
import { BoundedCache } from "../bounded-cache.ts";
import { CsumIndex, CsumRunCache, type DataBefore } from "./csum-index.ts";
import type { DeviceState } from "../device-image.ts";
import { replayExtents, truncateExtents, type RecoveredExtent } from "./extent-overlay.ts";
import type { SuperImage, TreeBlockImage } from "../images.ts";
import { RECORD_BLOCK_BYTES } from "../../block/index.ts";

export type { RecoveredExtent } from "./extent-overlay.ts";

export interface RecoveredFile {
  readonly sizeBytes: number;
  /** Sorted by file offset, disjoint. */
  readonly extents: RecoveredExtent[];
}

export interface Recovered {
  readonly files: Map<number, RecoveredFile>;
  /** The checksums recovery verifies data against. */
  readonly csums: CsumIndex;
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
  /** Checksum runs per csum leaf, shared by every state recovered in this context. */
  readonly csumRuns: CsumRunCache;
  /** Per leaf image, what it says about the files (the same in every state that reads the leaf). */
  readonly leafFiles: BoundedCache<TreeBlockImage, LeafFiles>;
}

/** A context for recovering the states of one recorded run. */
export function recoveryContext(volumes: Volumes, nodesize: number, inodes: Iterable<number>, dataBefore: DataBefore): RecoveryContext {
  return { volumes, nodesize, inodes: new Set(inodes), csumRuns: new CsumRunCache(dataBefore), leafFiles: new BoundedCache(4096) };
}

interface FileBuild {
  sizeBytes: number;
  extents: RecoveredExtent[];
}

export function recover(state: DeviceState, ctx: RecoveryContext): Recovered {
  const superblock = state.read((SUPERBLOCK_OFFSETS[0] as number) / RECORD_BLOCK_BYTES);
  if (superblock === undefined || superblock.image.kind !== "super") throw new MountError("no superblock at 64 KiB");
  const sb = superblock.image as SuperImage;
  const reader = new TreeReader(state, ctx);
  const roots = new Map<number, RootItemData>();
  for (const { image } of reader.leaves(sb.rootTreeBytenr, sb.generation, "root tree")) {
    for (const item of image.items ?? []) if (item.key.type === KEY_TYPE.ROOT_ITEM) roots.set(item.key.objectid, item.data as RootItemData);
  }
  const files = new Map<number, FileBuild>();
  const csums = new CsumIndex();
  const fsRoot = roots.get(OBJECTID.FS_TREE);
  if (fsRoot === undefined) throw new MountError("the root tree has no fs tree root item");
  for (const { image } of reader.leaves(fsRoot.bytenr, fsRoot.generation, "fs tree")) addLeafFiles(files, ctx, image, false);
  const csumRoot = roots.get(OBJECTID.CSUM_TREE);
  if (csumRoot === undefined) throw new MountError("the root tree has no csum tree root item");
  for (const { image, seq } of reader.leaves(csumRoot.bytenr, csumRoot.generation, "csum tree")) csums.add(0, ctx.csumRuns.runs(image, seq));
  if (sb.logRootBytenr === 0) return { files, csums, replayedLog: false };

  let logTree: RootItemData | undefined;
  for (const { image } of reader.leaves(sb.logRootBytenr, sb.logRootGeneration, "log root tree")) {
    for (const item of image.items ?? []) if (item.key.type === KEY_TYPE.ROOT_ITEM && item.key.offset === OBJECTID.FS_TREE) logTree = item.data as RootItemData;
  }
  if (logTree === undefined) throw new MountError("the log root tree has no log for the fs tree");
  const logged = new Map<number, FileBuild>();
  for (const { image, seq } of reader.leaves(logTree.bytenr, logTree.generation, "log tree")) {
    csums.add(1, ctx.csumRuns.runs(image, seq));
    addLeafFiles(logged, ctx, image, true);
  }
  for (const [ino, log] of logged) {
    const file = files.get(ino) ?? { sizeBytes: 0, extents: [] };
    if (log.sizeBytes >= 0) file.sizeBytes = log.sizeBytes;
    file.extents = replayExtents(file.extents, log.extents);
    // Orphan cleanup: nothing of a logged file survives past its size.
    truncateExtents(file.extents, Math.ceil(file.sizeBytes / RECORD_BLOCK_BYTES) * RECORD_BLOCK_BYTES);
    files.set(ino, file);
  }
  return { files, csums, replayedLog: true };
}

/** What one leaf says about the workload's files: per inode, its size (if the leaf holds its inode item) and extents in order. */
export type LeafFiles = ReadonlyArray<{ readonly ino: number; readonly sizeBytes: number | undefined; readonly extents: readonly RecoveredExtent[] }>;


/** Adds a leaf's inode items and file extent items of workload files; without an inode item, a logged file's size stays -1 (unknown). */
function addLeafFiles(files: Map<number, FileBuild>, ctx: RecoveryContext, image: TreeBlockImage, fromLog: boolean): void {
  for (const entry of ctx.leafFiles.get(image, () => leafFiles(image, ctx.inodes))) {
    let file = files.get(entry.ino);
    if (file === undefined) {
      file = { sizeBytes: fromLog ? -1 : 0, extents: [] };
      files.set(entry.ino, file);
    }
    if (entry.sizeBytes !== undefined) file.sizeBytes = entry.sizeBytes;
    for (const e of entry.extents) file.extents.push(e);
  }
}

function leafFiles(image: TreeBlockImage, inodes: ReadonlySet<number>): LeafFiles {
  const out: Array<{ ino: number; sizeBytes: number | undefined; extents: RecoveredExtent[] }> = [];
  for (const item of image.items ?? []) {
    const ino = item.key.objectid;
    if (!inodes.has(ino)) continue;
    let entry = out[out.length - 1];
    if (entry === undefined || entry.ino !== ino) {
      entry = { ino, sizeBytes: undefined, extents: [] };
      out.push(entry);
    }
    if (item.key.type === KEY_TYPE.INODE_ITEM) {
      entry.sizeBytes = (item.data as InodeItemData).sizeBytes;
    } else if (item.key.type === KEY_TYPE.EXTENT_DATA) {
      const fe = item.data as FileExtentData;
      entry.extents.push({ fileOffset: item.key.offset, numBytes: fe.numBytes, extentType: fe.extentType, diskStart: fe.diskBytenr === 0 ? 0 : fe.diskBytenr + fe.offset });
    }
  }
  return out;
}

/** Reads trees from a device state, block by block, as open_ctree's readers do. */
class TreeReader {
  private readonly state: DeviceState;
  private readonly ctx: RecoveryContext;

  constructor(state: DeviceState, ctx: RecoveryContext) {
    this.state = state;
    this.ctx = ctx;
  }

  /** Every leaf of the tree rooted at `bytenr` (generation `generation`) in key order, with the write that put it on disk. */
  *leaves(bytenr: number, generation: number, tree: string): Generator<{ image: TreeBlockImage; seq: number }> {
    const found = this.block(bytenr, generation, tree);
    if (found.image.level === 0) {
      yield found;
      return;
    }
    for (const ptr of found.image.ptrs ?? []) yield* this.leaves(ptr.bytenr, ptr.generation, tree);
  }

  /** A tree block from whichever copy holds it whole, at the expected generation. */
  private block(bytenr: number, generation: number, tree: string): { image: TreeBlockImage; seq: number } {
    const found: string[] = [];
    for (const phys of this.ctx.volumes.physical(bytenr)) {
      const first = phys / RECORD_BLOCK_BYTES;
      const head = this.state.read(first);
      if (head === undefined || head.image.kind !== "tree") {
        found.push(head === undefined ? "nothing" : head.image.kind);
        continue;
      }
      let whole = true;
      for (let k = 1; k < this.ctx.nodesize / RECORD_BLOCK_BYTES; k++) if (this.state.read(first + k)?.seq !== head.seq) whole = false;
      const image = head.image;
      if (!whole) found.push("a torn block");
      else if (image.bytenr !== bytenr || image.generation !== generation) found.push(`block ${image.bytenr} of generation ${image.generation}`);
      else return { image, seq: head.seq };
    }
    throw new MountError(`${tree}: block ${bytenr} of generation ${generation} is not on the device (found ${found.join(", ")})`);
  }
}
