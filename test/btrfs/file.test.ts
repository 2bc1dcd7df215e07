// __btrfs_drop_extents (btrfs/file.ts dropExtents) on a tree of known layout: one search with
// cow = 1, the items wholly inside the range deleted with one btrfs_del_items per leaf and a search
// again only for the next leaf's items, edge items trimmed in place or split (btrfs_duplicate_item),
// the references queued as the kernel queues them; and its result on random layouts against a
// plain list model. (Reference: docs/sources.md §B3; fs/btrfs/file.c __btrfs_drop_extents, 3.7.)
import { describe, expect, it } from "vitest";
import { BTree } from "../../btrfs/ctree/btree.ts";
import { fileExtentItem, type FileExtentData, type Item } from "../../btrfs/ctree/items.ts";
import { KEY_TYPE, key } from "../../btrfs/ctree/key.ts";
import { isLeaf, type Leaf, type TreeBlock } from "../../btrfs/ctree/tree-block.ts";
import { DelayedRefs } from "../../btrfs/delayed-refs.ts";
import { dropExtents } from "../../btrfs/file.ts";
import { FakeHost, checkTree } from "./ctree/fake-host.ts";

const INO = 257;
const P = 4096;

/** A regular extent item of inode 257 over [offset, offset + len), alone in its own disk extent. */
const item = (offset: number, len = P): Item =>
  fileExtentItem(key(INO, KEY_TYPE.EXTENT_DATA, offset), { extentType: "reg", generation: 1, diskBytenr: 1e9 + offset, diskNumBytes: len, offset: 0, numBytes: len });

/** A tree holding `count` one-page items appended one by one: full leaves of 51 (each append past a full leaf starts a new one). */
function appended(count: number): { host: FakeHost; tree: BTree } {
  const host = new FakeHost();
  const tree = new BTree(host, 5);
  for (let i = 0; i < count; i++) tree.insertItems([item(i * P)]);
  return { host, tree };
}

function leaves(tree: BTree): Leaf[] {
  const out: Leaf[] = [];
  const walk = (b: TreeBlock): void => (isLeaf(b) ? void out.push(b) : b.children.forEach(walk));
  walk(tree.root);
  return out;
}

/** The extent items as [start, end, data offset] in pages. */
const spans = (tree: BTree): Array<[number, number, number]> =>
  leaves(tree).flatMap((l) => l.items).map((i) => {
    const d = i.data as FileExtentData;
    return [i.key.offset / P, (i.key.offset + d.numBytes) / P, d.offset / P];
  });

describe("__btrfs_drop_extents: the work it does", () => {
  it("deletes a range over three leaves with one search and one btrfs_del_items per leaf", () => {
    const { host, tree } = appended(153);
    expect(leaves(tree).map((l) => l.items.length)).toEqual([51, 51, 51]);
    expect(tree.height).toBe(2);
    const before = host.cpu.counts;
    const refs = new DelayedRefs();
    // Items 10..119: the tail of leaf 1, all of leaf 2, the head of leaf 3.
    expect(dropExtents(tree, refs, INO, 10 * P, 120 * P)).toBe(-110);
    const after = host.cpu.counts;
    // A search at the start, then one for each following leaf after its predecessor's delete.
    expect(after.btreeSearchLevel - before.btreeSearchLevel).toBe(3 * 2);
    expect(after.itemDelete - before.itemDelete).toBe(110);
    expect(after.itemInsert - before.itemInsert).toBe(0);
    expect(leaves(tree).map((l) => l.items.length)).toEqual([10, 33]);
    expect(checkTree(tree)).toBe(43);
    // Each deleted item drops its extent's reference.
    const dropped = refs.take();
    expect(dropped).toHaveLength(110);
    expect(dropped.every((r) => r.delta === -1)).toBe(true);
  });

  it("trims the items over either edge in place and deletes the one between: one search, one delete, no insert", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    tree.insertItems([item(0, 2 * P), item(2 * P, 2 * P), item(4 * P, 2 * P)]);
    const before = host.cpu.counts;
    const refs = new DelayedRefs();
    expect(dropExtents(tree, refs, INO, P, 5 * P)).toBe(-1);
    const after = host.cpu.counts;
    expect(after.btreeSearchLevel - before.btreeSearchLevel).toBe(1);
    expect(after.itemDelete - before.itemDelete).toBe(1);
    expect(after.itemInsert - before.itemInsert).toBe(0);
    // The front item keeps its head; the back item now starts at the range's end, one page into its extent.
    expect(spans(tree)).toEqual([[0, 1, 0], [5, 6, 1]]);
    expect(refs.take().map((r) => [r.bytenr, r.delta])).toEqual([[1e9 + 2 * P, -1]]);
  });

  it("splits an item the range lies inside, with one duplicated item and one more reference on its extent", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    tree.insertItems([item(0, 16 * P)]);
    const before = host.cpu.counts;
    const refs = new DelayedRefs();
    expect(dropExtents(tree, refs, INO, 4 * P, 5 * P)).toBe(1);
    const after = host.cpu.counts;
    expect(after.btreeSearchLevel - before.btreeSearchLevel).toBe(1);
    expect(after.itemInsert - before.itemInsert).toBe(1);
    expect(after.itemDelete - before.itemDelete).toBe(0);
    expect(spans(tree)).toEqual([[0, 4, 0], [5, 16, 5]]);
    expect(refs.take().map((r) => [r.bytenr, r.delta])).toEqual([[1e9, 1]]);
  });

  it("finds nothing to drop past the last item (an append) with one search", () => {
    const { host, tree } = appended(60);
    const before = host.cpu.counts;
    expect(dropExtents(tree, undefined, INO, 60 * P, 61 * P)).toBe(0);
    expect(host.cpu.counts.btreeSearchLevel - before.btreeSearchLevel).toBe(2);
    expect(host.cpu.counts.itemDelete).toBe(before.itemDelete);
  });
});

describe("__btrfs_drop_extents: what it leaves", () => {
  /** The plain model: every item over [start, end) loses that part; the rest stays, offsets shifted. */
  function reference(spansBefore: Array<[number, number, number]>, start: number, end: number): Array<[number, number, number]> {
    return spansBefore.flatMap(([a, b, off]): Array<[number, number, number]> => {
      if (b <= start || a >= end) return [[a, b, off]];
      const out: Array<[number, number, number]> = [];
      if (a < start) out.push([a, start, off]);
      if (b > end) out.push([end, b, off + (end - a)]);
      return out;
    });
  }

  it("matches the plain model on random layouts and ranges, and keeps the tree well formed", () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 60; round++) {
      const tree = new BTree(new FakeHost(), 5);
      // A neighbour inode's item before and after, so the walk must stop at the inode's edges.
      tree.insertItems([fileExtentItem(key(INO - 1, KEY_TYPE.EXTENT_DATA, 0), { extentType: "reg", generation: 1, diskBytenr: 1, diskNumBytes: P, offset: 0, numBytes: P })]);
      tree.insertItems([fileExtentItem(key(INO + 1, KEY_TYPE.EXTENT_DATA, 0), { extentType: "reg", generation: 1, diskBytenr: 2, diskNumBytes: P, offset: 0, numBytes: P })]);
      let at = 0;
      const count = 1 + rand(200);
      for (let i = 0; i < count; i++) {
        const len = 1 + rand(4);
        tree.insertItems([item(at * P, len * P)]);
        at += len;
      }
      const own = (): Array<[number, number, number]> => spans(tree).filter((_, i, all) => i > 0 && i < all.length - 1);
      const before = own();
      const start = rand(at + 2);
      const end = start + 1 + rand(at + 2 - start + 40);
      const change = dropExtents(tree, undefined, INO, start * P, end * P);
      const expected = reference(before, start, end);
      expect(own(), `round ${round}: [${start}, ${end}) of ${at}`).toEqual(expected);
      expect(change).toBe(expected.length - before.length);
      expect(checkTree(tree)).toBe(expected.length + 2);
    }
  });
});
