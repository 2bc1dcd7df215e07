// Micro-benchmarks of the B-tree (btrfs/ctree/btree.ts) on a tree of 100,000 file extent
// items, as a file of that many extents has in its fs tree: read-only search, an insert and a
// delete at a random place, a copy-on-write search in a new transaction, and building a tree in
// key order (the log and fs trees grow that way). The tree lives on the tests' FakeHost.
import type { Bench } from "tinybench";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { fileExtentItem, type Item } from "../../../btrfs/ctree/items.ts";
import { KEY_TYPE, key, type Key } from "../../../btrfs/ctree/key.ts";
import { FakeHost } from "../../../test/btrfs/ctree/fake-host.ts";
import { count, randomInts } from "./format.ts";

const INO = 257;
const BLOCK_BYTES = 4096;
/** Items in the searched tree. */
const ITEMS = 100_000;
/** Operations per task call. */
const BATCH = 1_000;
/** Items in the tree built by the last task. */
const BUILT = 10_000;
/** fs tree objectid (BTRFS_FS_TREE_OBJECTID). */
const FS_TREE = 5;

const extentKey = (offset: number): Key => key(INO, KEY_TYPE.EXTENT_DATA, offset);
const extent = (offset: number): Item =>
  fileExtentItem(extentKey(offset), { extentType: "reg", generation: 1, diskBytenr: 1e12 + offset, diskNumBytes: BLOCK_BYTES, offset: 0, numBytes: BLOCK_BYTES });

/** A tree holding an extent item at every block of a file of `items` blocks. */
function extentTree(host: FakeHost, items: number): BTree {
  const tree = new BTree(host, FS_TREE);
  for (let i = 0; i < items; i++) tree.insertItems([extent(i * BLOCK_BYTES)]);
  return tree;
}

export function addBtreeTasks(bench: Bench): void {
  const host = new FakeHost();
  const tree = extentTree(host, ITEMS);
  const random = randomInts("btree");
  const blocks = Array.from({ length: BATCH }, () => random(ITEMS));

  bench.add(`btree: ${count(BATCH)} random searches, ${count(ITEMS)} items`, () => {
    for (const b of blocks) if (!tree.search(extentKey(b * BLOCK_BYTES), { copy: true }).found) throw new Error("item missing");
  });

  bench.add(`btree: ${count(BATCH)} random inserts + deletes, ${count(ITEMS)} items`, () => {
    for (const b of blocks) {
      const offset = b * BLOCK_BYTES + BLOCK_BYTES / 2; // between two present items
      tree.insertItems([extent(offset)]);
      const path = tree.search(extentKey(offset), { cow: true, copy: true });
      tree.deleteItems(path, path.slots[0] ?? 0, 1);
    }
  });

  bench.add(`btree: ${count(BATCH)} COW searches in new transactions, ${count(ITEMS)} items`, () => {
    for (const b of blocks) {
      host.transid++;
      tree.search(extentKey(b * BLOCK_BYTES), { cow: true, copy: true });
    }
    host.freed.length = 0;
    tree.dirty.clear();
  });

  bench.add(`btree: build a ${count(BUILT)}-item tree in key order`, () => {
    extentTree(new FakeHost(), BUILT);
  });
}
