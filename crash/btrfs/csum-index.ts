// The checksums a mounted filesystem would verify data against (the csum tree, plus what log
// replay adds to it), as runs of consecutive logical 4 KiB blocks. A run stands for a csum item
// (struct btrfs_csum_item: one crc32c per sector from the key's offset on); the model's "checksum"
// of a block is the data image written there most recently before the write that put the item's
// leaf on the device. Runs are computed once per (leaf image, write) and shared by every device
// state that reads that leaf, so a state costs a lookup per verified block, not a pass over the tree.
import type { CsumData, Item } from "../../btrfs/ctree/items.ts";
import { OBJECTID } from "../../btrfs/ctree/key.ts";
import { BoundedCache } from "../bounded-cache.ts";
import type { DataImage, TreeBlockImage } from "../images.ts";
import { RECORD_BLOCK_BYTES } from "../../block/index.ts";
import { partitionPoint } from "../../lib/partition-point.ts";

/** Csum leaves whose runs are kept (a few logs' worth). */
const CACHED_LEAVES = 4096;

/** Consecutive checksummed blocks from `first`: what each must hold (null: no data write came before the checksum). */
export interface CsumRun {
  readonly first: number;
  readonly expected: ReadonlyArray<DataImage | null>;
}

/** The data image written to a logical 4 KiB block most recently before write `seq`. */
export type DataBefore = (logicalBlock: number, seq: number) => DataImage | undefined;

/** Csum runs per leaf image and write seq (a leaf written twice, as DUP does, may differ). */
export class CsumRunCache {
  private readonly cache = new BoundedCache<TreeBlockImage, Map<number, CsumRun[]>>(CACHED_LEAVES);
  private readonly dataBefore: DataBefore;

  constructor(dataBefore: DataBefore) {
    this.dataBefore = dataBefore;
  }

  /** The runs of the csum items in leaf `image`, written by write `seq`. */
  runs(image: TreeBlockImage, seq: number): readonly CsumRun[] {
    const bySeq = this.cache.get(image, () => new Map());
    let runs = bySeq.get(seq);
    if (runs === undefined) {
      runs = [];
      for (const item of image.items ?? []) if (item.key.objectid === OBJECTID.EXTENT_CSUM) runs.push(this.run(item, seq));
      bySeq.set(seq, runs);
    }
    return runs;
  }

  private run(item: Item, seq: number): CsumRun {
    const first = item.key.offset / RECORD_BLOCK_BYTES;
    const expected: Array<DataImage | null> = [];
    for (let i = 0; i < (item.data as CsumData).sectors; i++) expected.push(this.dataBefore(first + i, seq) ?? null);
    return { first, expected };
  }
}

/** The csum tree after recovery: the committed tree's runs, and the log's on top (replay inserts them over the tree's). */
export class CsumIndex {
  private readonly layers: CsumRun[][] = [[], []];

  /** Adds runs of the committed csum tree (layer 0) or of the log (layer 1), in key order. */
  add(layer: 0 | 1, runs: readonly CsumRun[]): void {
    const list = this.layers[layer] as CsumRun[];
    for (const r of runs) list.push(r);
  }

  /** What block `logical` must hold, null if its checksum is of no data; undefined if it has no checksum. */
  lookup(logical: number): DataImage | null | undefined {
    for (let layer = 1; layer >= 0; layer--) {
      const runs = this.layers[layer] as CsumRun[];
      const run = runs[partitionPoint(runs.length, (i) => (runs[i] as CsumRun).first <= logical) - 1];
      if (run !== undefined && logical - run.first < run.expected.length) return run.expected[logical - run.first];
    }
    return undefined;
  }
}
