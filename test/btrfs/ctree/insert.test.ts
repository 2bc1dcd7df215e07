// btrfs_insert_empty_items, btrfs_duplicate_item and the write of an item in place
// (ctree/insert.ts): batches between existing items, refused duplicates and straddles, an item put
// beside the path's without a search, and an item growing in its slot.
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { csumItem } from "../../../btrfs/ctree/items.ts";
import { KEY_TYPE, compareKeys, key } from "../../../btrfs/ctree/key.ts";
import type { Leaf } from "../../../btrfs/ctree/tree-block.ts";
import { FakeHost, checkTree } from "./fake-host.ts";
import { extent } from "./tree-fixtures.ts";

describe("btrfs_insert_empty_items", () => {
  it("takes consecutive batches between two items, as copy_items does, and keeps them in order", () => {
    const tree = new BTree(new FakeHost(), 5);
    tree.insertItems([extent(0), extent(10_000 * 4096)]);
    for (let b = 0; b < 10; b++) tree.insertItems(Array.from({ length: 40 }, (_, i) => extent((1 + b * 40 + i) * 4096)));
    expect(checkTree(tree)).toBe(402);
    expect(() => tree.insertItems(Array.from({ length: 60 }, (_, i) => extent((500 + i) * 4096)))).toThrow(/cannot fit one leaf/);
  });

  it("refuses a duplicate key and a batch that would straddle an existing item", () => {
    const tree = new BTree(new FakeHost(), 5);
    tree.insertItems([extent(0), extent(8192)]);
    expect(() => tree.insertItems([extent(0)])).toThrow(/already present/);
    expect(() => tree.insertItems([extent(4096), extent(12288)])).toThrow(/straddles/);
  });

  it("gives an empty leaf an immutable batch's own array, and copies it before the next change", () => {
    const tree = new BTree(new FakeHost(), 5);
    const batch = Object.freeze([extent(0), extent(4096)]);
    tree.insertItems(batch, undefined, true);
    expect((tree.root as Leaf).items).toBe(batch);
    tree.insertItems([extent(8192)]);
    expect((tree.root as Leaf).items).not.toBe(batch);
    expect(batch).toHaveLength(2);
    expect(checkTree(tree)).toBe(3);
  });
});

describe("writing an item in place", () => {
  it("grows a csum item in place and splits the leaf when it no longer fits", () => {
    const tree = new BTree(new FakeHost(), 7);
    const k = key(2 ** 53 - 10, KEY_TYPE.EXTENT_CSUM, 0);
    tree.insertItems([csumItem(k, 1)]);
    const path = tree.search(k, { cow: true, copy: true });
    tree.replaceItem(path, csumItem(k, 985));
    expect((tree.root as Leaf).usedBytes).toBe(25 + 985 * 4);
    expect(tree.leafFreeBytes(tree.search(k, { copy: true }))).toBe(3995 - 25 - 3940);
    expect(compareKeys(tree.lookup(k)!.key, k)).toBe(0);
  });
});

describe("btrfs_duplicate_item", () => {
  it("puts the item after the path's slot with no search while the leaf has room", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    tree.insertItems([extent(0), extent(8192)]);
    const path = tree.search(extent(0).key, { cow: true });
    const searches = host.cpu.counts.btreeSearchLevel;
    tree.duplicateItem(path, extent(4096));
    expect(host.cpu.counts.btreeSearchLevel).toBe(searches);
    expect(host.cpu.counts.itemInsert).toBe(3);
    expect(path.slots[0]).toBe(1);
    expect((tree.root as Leaf).items.map((i) => i.key.offset)).toEqual([0, 4096, 8192]);
    expect(checkTree(tree)).toBe(3);
  });

  it("searches again and splits a full leaf first", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    tree.insertItems(Array.from({ length: 51 }, (_, i) => extent(i * 8192)));
    const path = tree.search(extent(20 * 8192).key, { cow: true });
    const searches = host.cpu.counts.btreeSearchLevel;
    tree.duplicateItem(path, extent(20 * 8192 + 4096));
    expect(host.cpu.counts.btreeSearchLevel - searches).toBe(1);
    expect(tree.height).toBe(2);
    expect(checkTree(tree)).toBe(52);
  });
});
