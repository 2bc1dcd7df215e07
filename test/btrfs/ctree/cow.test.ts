// Copy-on-write (ctree/cow.ts, should_cow_block and btrfs_cow_block): by generation and by the
// WRITTEN flag, with the old addresses freed as pinned or at once.
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { KEY_TYPE, key } from "../../../btrfs/ctree/key.ts";
import { treeBlockImage } from "../../../btrfs/index.ts";
import { FakeHost } from "./fake-host.ts";
import { extent } from "./tree-fixtures.ts";

describe("copy-on-write", () => {
  it("copies on write every block on the path of an older transaction, freeing the old ones as pinned", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 200; i++) tree.insertItems([extent(i * 4096)]);
    const before = tree.root.bytenr;
    for (const b of tree.blocks()) b.written = true;
    tree.dirty.clear();
    host.transid = 2;
    host.freed.length = 0;
    const oldPath = tree.search(key(257, KEY_TYPE.EXTENT_DATA, 100 * 4096), { copy: true }).nodes.map((b) => b.bytenr);
    const rootImage = treeBlockImage(tree.root);
    const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, 100 * 4096), { cow: true, copy: true });
    expect(tree.root.bytenr).not.toBe(before);
    expect(path.nodes.every((b) => b.generation === 2 && !b.written)).toBe(true);
    expect(host.freed).toHaveLength(tree.height);
    expect(host.freed.every((f) => !f.unwritten)).toBe(true);
    // The old addresses are the ones freed, the path has new ones, and the image of the root as
    // written before the COW still points at the old child (nodes are re-addressed in place).
    expect(host.freed.map((f) => f.bytenr).sort()).toEqual([...oldPath].sort());
    expect(path.nodes.some((b) => oldPath.includes(b.bytenr))).toBe(false);
    expect(tree.height).toBe(2);
    expect(rootImage.bytenr).toBe(before);
    expect(rootImage.ptrs?.map((p) => p.bytenr)).toContain(oldPath[0]);
    expect(rootImage.ptrs?.map((p) => p.bytenr)).not.toContain(path.nodes[0]?.bytenr);
    expect(tree.dirty.size).toBe(tree.height);
    // The same path again in the same transaction: nothing more to copy.
    tree.search(key(257, KEY_TYPE.EXTENT_DATA, 100 * 4096), { cow: true, copy: true });
    expect(host.freed).toHaveLength(tree.height);
  });

  it("copies on write a block of this transaction once it has been written (a log synced earlier)", () => {
    const host = new FakeHost();
    const tree = new BTree(host, -6);
    tree.insertItems([extent(0)]);
    const leaf = tree.root;
    const written = leaf.bytenr;
    leaf.written = true;
    tree.dirty.delete(leaf);
    tree.insertItems([extent(4096)]);
    expect(tree.root.bytenr).not.toBe(written);
    expect(tree.root.written).toBe(false);
    expect(tree.dirty.has(tree.root)).toBe(true);
    expect(host.freed).toEqual([{ bytenr: written, unwritten: false }]);
  });

  it("frees a block created and COWed within one transaction as never written", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    const first = tree.root.bytenr;
    host.transid = 1; // same transaction, not written: modified in place
    tree.insertItems([extent(0)]);
    expect(tree.root.bytenr).toBe(first);
    expect(host.freed).toEqual([]);
  });

  it("makes nothing writable on a read-only search", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 100; i++) tree.insertItems([extent(i * 4096)]);
    for (const b of tree.blocks()) b.written = true;
    tree.dirty.clear();
    host.transid = 2;
    tree.search(key(257, KEY_TYPE.EXTENT_DATA, 50 * 4096));
    expect(host.freed).toEqual([]);
    expect(tree.dirty.size).toBe(0);
  });
});
