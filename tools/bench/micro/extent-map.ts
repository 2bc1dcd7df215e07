// Micro-benchmarks of an inode's extent map tree (btrfs/extent-map.ts) holding 100,000 maps,
// as a file after 100,000 scattered 4 KiB writes does: lookup, and the three calls a buffered
// write makes (drop the cached range, add the pinned map, unpin it when the write completes).
// Maps are 4 KiB each and not contiguous on disk, so none merge and the count stays constant.
import type { Bench } from "tinybench";
import { CPU_PARAMS, CpuMeter } from "../../../btrfs/index.ts";
import { paramDefaults } from "../../../lib/index.ts";
import { EXTENT_FLAG, ExtentMapTree } from "../../../btrfs/extent-map.ts";
import { count, randomInts } from "./format.ts";

const BLOCK_BYTES = 4096;
/** Maps in the tree. */
const MAPS = 100_000;
/** Operations per task call. */
const BATCH = 1_000;
/** Disk addresses of rewritten blocks start here, far from the original ones (no merges). */
const REWRITE_DISK_BASE = 1e13;

/** A tree of `maps` 4 KiB maps, each a block apart on disk from its neighbours. */
function mapTree(maps: number): ExtentMapTree {
  const tree = new ExtentMapTree(new CpuMeter(paramDefaults(CPU_PARAMS)));
  for (let i = 0; i < maps; i++) tree.add({ start: i * BLOCK_BYTES, len: BLOCK_BYTES, blockStart: 2 * i * BLOCK_BYTES, flags: 0, generation: 1 }, false);
  return tree;
}

export function addExtentMapTasks(bench: Bench): void {
  const tree = mapTree(MAPS);
  const random = randomInts("extent-map");
  const blocks = Array.from({ length: BATCH }, () => random(MAPS));
  let rewrites = 0;

  bench.add(`extent-map: ${count(BATCH)} random lookups, ${count(MAPS)} maps`, () => {
    for (const b of blocks) if (tree.lookup(b * BLOCK_BYTES + 1) === undefined) throw new Error("map missing");
  });

  bench.add(`extent-map: ${count(BATCH)} writes (drop + add + unpin), ${count(MAPS)} maps`, () => {
    for (const b of blocks) {
      const start = b * BLOCK_BYTES;
      tree.drop(start, start + BLOCK_BYTES);
      tree.add({ start, len: BLOCK_BYTES, blockStart: REWRITE_DISK_BASE + 2 * BLOCK_BYTES * rewrites++, flags: EXTENT_FLAG.PINNED, generation: 0 }, false);
      tree.unpin(start, 2);
    }
    tree.modified.clear(); // what the logger drains at each fsync
  });

  bench.add(`extent-map: build a tree of ${count(MAPS)} maps in order`, () => {
    mapTree(MAPS);
  });
}
