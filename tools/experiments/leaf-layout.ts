// What a flat leaf layout would buy a B-tree search that lands in a random, cold leaf: the same
// binary search over a leaf's keys, once through the simulator's own item objects and leaf search
// (btrfs/ctree/bin-search.ts lowerBound) and once over one Float64Array of (objectid, type,
// offset) per leaf. The leaves are filled round-robin, with garbage between allocations, so that
// one leaf's items lie far apart in the heap as they do in a long run (where a random lookup in
// the fs or csum tree takes about 2 us against 0.21 us for the micro-benchmark's compact tree).
// An experiment for docs/performance.md, not a benchmark of the tool.
// Usage: npx tsx tools/experiments/leaf-layout.ts
import seedrandom from "seedrandom";
import { lowerBound } from "../../btrfs/ctree/bin-search.ts";
import { fileExtentItem, type Item } from "../../btrfs/ctree/items.ts";
import { KEY_TYPE, key } from "../../btrfs/ctree/key.ts";

const LEAVES = 1500;
const ITEMS_PER_LEAF = 150;
const SEARCHES = 2_000_000;
const INO = 257;
const EXTENT_DATA = KEY_TYPE.EXTENT_DATA;
const BLOCK_BYTES = 4096;

/** A leaf's items as the simulator holds them, and the same keys flat: (objectid, type, offset) per item. */
interface Leaf { readonly items: Item[]; readonly keys: Float64Array }

const rand = seedrandom("leaf-layout");
const garbage: unknown[] = [];
const leaves: Leaf[] = Array.from({ length: LEAVES }, () => ({ items: [], keys: new Float64Array(ITEMS_PER_LEAF * 3) }));
for (let i = 0; i < ITEMS_PER_LEAF; i++) {
  for (let l = 0; l < LEAVES; l++) {
    const leaf = leaves[l] as Leaf;
    const offset = (l * ITEMS_PER_LEAF + i) * BLOCK_BYTES;
    leaf.items.push(fileExtentItem(key(INO, EXTENT_DATA, offset), { extentType: "reg", generation: 7, diskBytenr: offset * 3, diskNumBytes: BLOCK_BYTES, offset: 0, numBytes: BLOCK_BYTES }));
    leaf.keys.set([INO, EXTENT_DATA, offset], i * 3);
    if (rand() < 0.5) garbage.push({ i, l, pair: [i, l] });
  }
}

/** lowerBound's search over the flat keys: the first index whose key is >= (objectid, type, offset). */
function lowerBoundFlat(keys: Float64Array, n: number, objectid: number, type: number, offset: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const j = mid * 3;
    const ko = keys[j] as number;
    const kt = keys[j + 1] as number;
    const before = ko !== objectid ? ko < objectid : kt !== type ? kt < type : (keys[j + 2] as number) < offset;
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const leafOf = new Int32Array(SEARCHES);
const offsetOf = new Float64Array(SEARCHES);
for (let s = 0; s < SEARCHES; s++) {
  const l = Math.floor(rand() * LEAVES);
  leafOf[s] = l;
  offsetOf[s] = (l * ITEMS_PER_LEAF + Math.floor(rand() * ITEMS_PER_LEAF)) * BLOCK_BYTES + 1;
}

let sink = 0;
for (let round = 1; round <= 3; round++) {
  let t0 = performance.now();
  for (let s = 0; s < SEARCHES; s++) sink += lowerBound((leaves[leafOf[s] as number] as Leaf).items, key(INO, EXTENT_DATA, offsetOf[s] as number));
  const objectsNs = ((performance.now() - t0) * 1e6) / SEARCHES;
  t0 = performance.now();
  for (let s = 0; s < SEARCHES; s++) sink += lowerBoundFlat((leaves[leafOf[s] as number] as Leaf).keys, ITEMS_PER_LEAF, INO, EXTENT_DATA, offsetOf[s] as number);
  const flatNs = ((performance.now() - t0) * 1e6) / SEARCHES;
  process.stdout.write(`round ${round}: item objects ${objectsNs.toFixed(0)} ns per leaf search, flat keys ${flatNs.toFixed(0)} ns\n`);
}
process.stdout.write(`(${LEAVES} leaves of ${ITEMS_PER_LEAF} items, ${garbage.length} objects of garbage between them; checksum ${sink % 1000})\n`);
