// Chunks and the block allocator (fs/btrfs/volumes.c, extent-tree.c find_free_extent). A chunk maps
// a range of logical addresses to one device range (single) or two (DUP: both copies of metadata
// on the one device, back to back, every write going to both). mkfs of 2012 lays out, from 1 MiB:
// the system chunk, the metadata chunk (DUP by default on one device), then data; more chunks are
// allocated behind them as groups fill up. Blocks freed after being written are pinned until the
// transaction commits, as btrfs_free_tree_block / btrfs_pin_extent do.
import { InputError } from "../lib/input-error.ts";
import { BlockSpace } from "./block-space.ts";
import { FreeSpace, type Range } from "./free-space.ts";

export type ChunkType = "system" | "metadata" | "data";

export interface ChunkLayout {
  readonly deviceBytes: number;
  readonly systemChunkBytes: number;
  readonly metadataChunkBytes: number;
  readonly dataChunkBytes: number;
  readonly metadataDup: boolean;
  /** Tree block size: metadata groups allocate only whole blocks of it. */
  readonly nodesize: number;
  /** Physical byte offsets of the superblock copies that fit the device. */
  readonly superblockOffsets: readonly number[];
  readonly superblockBytes: number;
}

export interface BlockGroup {
  readonly type: ChunkType;
  readonly logicalStart: number;
  readonly lengthBytes: number;
  /** Physical start of each copy (one, or two for DUP). */
  readonly stripes: readonly number[];
  readonly free: FreeSpace | BlockSpace;
}

/** The first MiB of the device is never allocated (btrfs leaves it for boot loaders and the super). */
const RESERVED_START_BYTES = 2 ** 20;

export class Volumes {
  readonly groups: BlockGroup[] = [];
  private readonly layout: ChunkLayout;
  private nextPhysical = RESERVED_START_BYTES;
  private nextLogical = RESERVED_START_BYTES;
  /**
   * Freed ranges still referenced by committed metadata, released when their transaction commits:
   * (start, length, transaction) triples in a typed array, whose storage the garbage collector
   * neither scans nor copies (a transaction pins hundreds of thousands of log blocks).
   */
  private pinned = new Float64Array(3 * 1024);
  private pinnedCount = 0;

  constructor(layout: ChunkLayout) {
    this.layout = layout;
    this.addChunk("system");
    this.addChunk("metadata");
    this.addChunk("data");
  }

  /** A metadata block of `bytes` (a tree block); allocates a new chunk if the groups are full. */
  allocMetadata(bytes: number): number {
    for (const g of this.groups) {
      if (g.type !== "metadata") continue;
      const at = g.free.alloc(bytes);
      if (at !== undefined) return at;
    }
    return (this.addChunk("metadata").free.alloc(bytes) as number);
  }

  /** A data extent of up to `bytes` and at least `minBytes` (fallocate asks for all it can get). */
  allocData(bytes: number, minBytes: number): Range {
    for (const g of this.groups) {
      if (g.type !== "data") continue;
      const whole = g.free.alloc(bytes);
      if (whole !== undefined) return { start: whole, len: bytes };
    }
    for (const g of this.groups) {
      if (g.type !== "data") continue;
      const part = g.free.allocUpTo(bytes, minBytes);
      if (part !== undefined) return part;
    }
    const g = this.addChunk("data");
    return g.free.allocUpTo(bytes, minBytes) as Range;
  }

  /** Frees [start, start+len) at once. */
  free(start: number, len: number): void {
    this.groupOf(start).free.free(start, len);
  }

  /** btrfs_pin_extent: frees [start, start+len) once transaction `transid` has committed. */
  pin(start: number, len: number, transid: number): void {
    if (3 * (this.pinnedCount + 1) > this.pinned.length) {
      const bigger = new Float64Array(this.pinned.length * 2);
      bigger.set(this.pinned);
      this.pinned = bigger;
    }
    const at = 3 * this.pinnedCount++;
    this.pinned[at] = start;
    this.pinned[at + 1] = len;
    this.pinned[at + 2] = transid;
  }

  /** btrfs_finish_extent_commit: space pinned by transactions up to `transid` becomes free. */
  unpinThrough(transid: number): void {
    const p = this.pinned;
    let kept = 0;
    for (let i = 0; i < this.pinnedCount; i++) {
      const start = p[3 * i] as number;
      const len = p[3 * i + 1] as number;
      const t = p[3 * i + 2] as number;
      if (t <= transid) this.groupOf(start).free.free(start, len);
      else {
        p[3 * kept] = start;
        p[3 * kept + 1] = len;
        p[3 * kept + 2] = t;
        kept++;
      }
    }
    this.pinnedCount = kept;
  }

  /** Physical device offsets of logical `bytenr`: one per copy. */
  physical(bytenr: number): number[] {
    const g = this.groupOf(bytenr);
    return g.stripes.map((s) => s + (bytenr - g.logicalStart));
  }

  /** Physical device offset of logical `bytenr`'s first copy (no allocation: for hot readers). */
  firstPhysical(bytenr: number): number {
    const g = this.groupOf(bytenr);
    return (g.stripes[0] as number) + (bytenr - g.logicalStart);
  }

  groupOf(bytenr: number): BlockGroup {
    for (const g of this.groups) if (bytenr >= g.logicalStart && bytenr < g.logicalStart + g.lengthBytes) return g;
    throw new Error(`logical address ${bytenr} is in no chunk`);
  }

  private addChunk(type: ChunkType): BlockGroup {
    const L = this.layout;
    const length = type === "system" ? L.systemChunkBytes : type === "metadata" ? L.metadataChunkBytes : L.dataChunkBytes;
    const copies = type === "data" || !L.metadataDup ? 1 : 2;
    if (this.nextPhysical + copies * length > L.deviceBytes) {
      throw new InputError("btrfs", `the filesystem is full: no room on the device for another ${type} chunk of ${length} bytes`);
    }
    const stripes = Array.from({ length: copies }, (_, i) => this.nextPhysical + i * length);
    const free = type === "metadata" ? new BlockSpace(this.nextLogical, length, L.nodesize) : new FreeSpace(this.nextLogical, length);
    const group: BlockGroup = { type, logicalStart: this.nextLogical, lengthBytes: length, stripes, free };
    // Keep superblock copies out of allocation (exclude_super_stripes).
    for (const sb of L.superblockOffsets) {
      stripes.forEach((s) => {
        if (sb + L.superblockBytes > s && sb < s + length) {
          const lo = Math.max(sb, s) - s + group.logicalStart;
          group.free.exclude(lo, Math.min(sb + L.superblockBytes, s + length) - Math.max(sb, s));
        }
      });
    }
    this.nextPhysical += copies * length;
    this.nextLogical += length;
    this.groups.push(group);
    return group;
  }
}
