// The B-tree against its kernel counterparts' rules: byte-accurate leaf capacity, COW by
// generation and WRITTEN flag, splits, merges, and the forward walk by transaction.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { csumItem, fileExtentItem, type Item } from "../../../btrfs/ctree/items.ts";
import { KEY_TYPE, MAX_OFFSET, compareKeys, key } from "../../../btrfs/ctree/key.ts";
import { isLeaf, type Leaf, type TreeBlock } from "../../../btrfs/ctree/tree-block.ts";
import { treeBlockImage } from "../../../btrfs/index.ts";
import { FakeHost, checkTree } from "./fake-host.ts";

const extent = (offset: number): Item =>
  fileExtentItem(key(257, KEY_TYPE.EXTENT_DATA, offset), { extentType: "reg", generation: 1, diskBytenr: 1e9 + offset, diskNumBytes: 4096, offset: 0, numBytes: 4096 });
const all = key(0, 0, 0);
const end = key(Number.MAX_SAFE_INTEGER, 255, MAX_OFFSET);

describe("BTree", () => {
  it("holds 51 file extent items (25 + 53 bytes) in a 4 KiB leaf, and splits it in the middle on the 52nd (split_leaf)", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 51; i++) tree.insertItems([extent(i * 4096)]);
    expect(tree.height).toBe(1);
    expect((tree.root as Leaf).usedBytes).toBe(51 * 78);
    tree.insertItems([extent(51 * 4096)]);
    expect(tree.height).toBe(2);
    const leaves = (tree.root as { children: Leaf[] }).children;
    expect(leaves.map((l) => l.items.length)).toEqual([26, 26]);
  });

  it("gives an appended batch that fits neither half a new leaf of its own", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 30; i++) tree.insertItems([extent(i * 4096)]);
    tree.insertItems(Array.from({ length: 40 }, (_, i) => extent((100 + i) * 4096)));
    const leaves = (tree.root as { children: Leaf[] }).children;
    expect(leaves.map((l) => l.items.length)).toEqual([30, 40]);
    checkTree(tree);
  });

  it("splits at the insertion point when the middle half has no room, and keeps order", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 51; i++) tree.insertItems([extent(i * 8192)]);
    tree.insertItems(Array.from({ length: 30 }, (_, i) => extent(40 * 8192 + 1 + i)));
    expect(checkTree(tree)).toBe(81);
  });

  it("holds 121 key pointers (33 bytes) per 4 KiB node and 208 extent items per 16 KiB leaf", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    expect(tree.nodeCapacityPtrs).toBe(121);
    host.nodesize = 16384;
    const big = new BTree(host, 5);
    expect(Math.floor(big.leafCapacityBytes / 78)).toBe(208);
  });

  it("keeps order, sizes and parent keys through random inserts and deletes", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    const rnd = seedrandom.alea("btree");
    const present = new Set<number>();
    for (let step = 0; step < 6000; step++) {
      const off = Math.floor(rnd() * 3000) * 4096;
      if (!present.has(off) && rnd() < 0.6) {
        tree.insertItems([extent(off)]);
        present.add(off);
      } else if (present.has(off)) {
        const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, off), true);
        expect(path.found).toBe(true);
        tree.deleteItems(path, path.slots[0]!, 1);
        present.delete(off);
      }
      if (step % 500 === 0) checkTree(tree);
    }
    expect(checkTree(tree)).toBe(present.size);
    expect(tree.itemsInRange(all, end).map((i) => i.key.offset)).toEqual([...present].sort((a, b) => a - b));
  });

  it("lands a batch in the half split_leaf made room in, after a push left its insertion point at slot 0", () => {
    // Regression: the insertion point's only earlier item is pushed to the left neighbour, which
    // keeps some room but not enough for the batch; the split must put the batch in the split leaf,
    // not route it by key into that neighbour.
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 52; i++) tree.insertItems([extent(i * 1000)]); // splits: [26 | 26]
    for (let i = 0; i < 22; i++) tree.insertItems([extent(i * 1000 + 500)]); // left: 48 items, 251 bytes free
    for (let i = 27; i < 51; i++) tree.insertItems([extent(i * 1000 + 500)]); // right: 50 items
    const leaves = (tree.root as { children: Leaf[] }).children;
    expect(leaves.map((l) => l.items.length)).toEqual([48, 50]);
    tree.insertItems([extent(26_001), extent(26_002), extent(26_003)]); // between the right leaf's first two items
    expect(checkTree(tree)).toBe(48 + 50 + 3);
  });

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

  it("copies on write every block on the path of an older transaction, freeing the old ones as pinned", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 200; i++) tree.insertItems([extent(i * 4096)]);
    const before = tree.root.bytenr;
    for (const b of tree.blocks()) b.written = true;
    tree.dirty.clear();
    host.transid = 2;
    host.freed.length = 0;
    const oldPath = tree.search(key(257, KEY_TYPE.EXTENT_DATA, 100 * 4096), false).nodes.map((b) => b.bytenr);
    const rootImage = treeBlockImage(tree.root);
    const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, 100 * 4096), true);
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
    tree.search(key(257, KEY_TYPE.EXTENT_DATA, 100 * 4096), true);
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

  it("finds the slot of the first item at or after the key, whatever the order of the searches", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 400; i++) tree.insertItems([extent(i * 8192)]);
    const rng = seedrandom("slots");
    for (let n = 0; n < 3000; n++) {
      // Runs of nearby keys (the last slot is right) mixed with jumps (it is not), present or not.
      const at = n % 3 === 0 ? Math.floor(rng() * 820) * 4096 : ((n * 4096) % (820 * 4096));
      const k = key(257, KEY_TYPE.EXTENT_DATA, at);
      const path = tree.search(k, false, false);
      const items = (path.nodes[0] as Leaf).items;
      const expected = items.findIndex((it) => compareKeys(it.key, k) >= 0);
      expect(path.slots[0]).toBe(expected === -1 ? items.length : expected);
      expect(path.found).toBe(at % 8192 === 0 && at < 400 * 8192);
    }
  });

  it("visits items in key order across leaves from a key until told to stop, charging a search per leaf", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 51 * 6; i++) tree.insertItems([extent(i * 4096)]);
    expect(tree.height).toBe(2);
    const seen: number[] = [];
    const before = host.cpu.counts.btreeSearchLevel;
    tree.visitFrom(key(257, KEY_TYPE.EXTENT_DATA, 10 * 4096 + 1), (it) => {
      if (it.key.offset >= 200 * 4096) return false;
      seen.push(it.key.offset / 4096);
      return true;
    });
    expect(seen).toEqual(Array.from({ length: 189 }, (_, i) => 11 + i));
    // A search for the start, then one per leaf stepped into (items 11..200 lie in several leaves).
    const leafOf = (o: number): unknown => tree.search(key(257, KEY_TYPE.EXTENT_DATA, o * 4096), false, false).nodes[0];
    const leaves = new Set([...seen, 200].map(leafOf));
    expect(leaves.size).toBeGreaterThan(2);
    expect(host.cpu.counts.btreeSearchLevel - before).toBe(tree.height * leaves.size);
    // From past the last item: nothing, one search.
    const none: Item[] = [];
    tree.visitFrom(key(258, 0, 0), (it) => none.push(it) > 0);
    expect(none).toEqual([]);
  });

  it("drops emptied leaves and collapses to a single empty leaf", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 500; i++) tree.insertItems([extent(i * 4096)]);
    expect(tree.height).toBe(2);
    for (let i = 0; i < 500; i++) {
      const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, i * 4096), true);
      tree.deleteItems(path, path.slots[0]!, 1);
    }
    expect(tree.height).toBe(1);
    expect(isLeaf(tree.root) && tree.root.items.length).toBe(0);
    checkTree(tree);
  });

  it("walks forward only through leaves changed since a transaction (btrfs_search_forward)", () => {
    const host = new FakeHost();
    const tree = new BTree(host, 5);
    for (let i = 0; i < 51 * 6; i++) tree.insertItems([extent(i * 4096)]);
    for (const b of tree.blocks()) b.written = true;
    tree.dirty.clear();
    host.transid = 2;
    const touched = [10, 200];
    for (const blk of touched) {
      const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, blk * 4096), true);
      tree.replaceItem(path, extent(blk * 4096));
    }
    const leaves = [...tree.leavesForward(key(257, 0, 0), key(257, 255, MAX_OFFSET), 2)];
    expect(leaves).toHaveLength(2);
    expect(leaves.map((l) => l.items.some((i) => i.key.offset === 10 * 4096 || i.key.offset === 200 * 4096))).toEqual([true, true]);
    expect([...tree.leavesForward(key(257, 0, 0), key(257, 255, MAX_OFFSET), 0)].length).toBeGreaterThan(5);
  });

  it("merges a leaf under a third full into its neighbour", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 102; i++) tree.insertItems([extent(i * 4096)]);
    // two full leaves; empty most of the second
    for (let i = 51; i < 95; i++) {
      const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, i * 4096), true);
      tree.deleteItems(path, path.slots[0]!, 1);
    }
    checkTree(tree);
    for (let i = 0; i < 40; i++) {
      const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, i * 4096), true);
      tree.deleteItems(path, path.slots[0]!, 1);
    }
    expect(tree.height).toBe(1);
    expect(checkTree(tree)).toBe(102 - 44 - 40);
  });

  it("grows a csum item in place and splits the leaf when it no longer fits", () => {
    const tree = new BTree(new FakeHost(), 7);
    const k = key(2 ** 53 - 10, KEY_TYPE.EXTENT_CSUM, 0);
    tree.insertItems([csumItem(k, 1)]);
    const path = tree.search(k, true);
    tree.replaceItem(path, csumItem(k, 985));
    expect((tree.root as Leaf).usedBytes).toBe(25 + 985 * 4);
    expect(tree.leafFreeBytes(tree.search(k, false))).toBe(3995 - 25 - 3940);
    expect(compareKeys(tree.lookup(k)!.key, k)).toBe(0);
  });
});

describe("BTree's cached path (the finger)", () => {
  /** A tree whose every search descends from the root: the behaviour the finger must reproduce. */
  function alwaysDescending(host: FakeHost, owner: number): BTree {
    const tree = new BTree(host, owner);
    (tree as unknown as { fingerHolds: () => boolean }).fingerHolds = () => false;
    return tree;
  }

  /** The blocks' addresses, levels and item keys, root first, depth first. */
  function shape(tree: BTree): string[] {
    const out: string[] = [];
    const walk = (b: TreeBlock): void => {
      out.push(`${b.bytenr}/${b.level}/${b.generation}/${b.written}:${isLeaf(b) ? b.items.map((i) => `${i.key.objectid}.${i.key.offset}`).join(",") : b.keys.map((k) => k.offset).join(",")}`);
      if (!isLeaf(b)) for (const c of b.children) walk(c);
    };
    walk(tree.root);
    return out;
  }

  it("makes the same COWs, splits, frees and charges as a tree that always descends, through a log's truncate-and-copy churn", () => {
    for (const seed of ["a", "b", "c", "d", "e"]) {
      const hosts = [new FakeHost(), new FakeHost()] as const;
      const trees = [new BTree(hosts[0], -6), alwaysDescending(hosts[1], -6)] as const;
      const rnd = seedrandom.alea(`finger-${seed}`);
      // Items of a neighbouring inode stay in the log, so the truncated range has leaves on both sides.
      const other = (ino: number, n: number): Item[] => Array.from({ length: n }, (_, i) => fileExtentItem(key(ino, KEY_TYPE.EXTENT_DATA, i * 4096), { extentType: "reg", generation: 1, diskBytenr: 4096 * i, diskNumBytes: 4096, offset: 0, numBytes: 4096 }));
      for (const t of trees) {
        for (let i = 0; i < 6; i++) t.insertItems(other(256, 200).slice(i * 30, i * 30 + 30));
        for (let i = 0; i < 6; i++) t.insertItems(other(258, 200).slice(i * 30, i * 30 + 30));
      }
      let extents = 40;
      for (let fsync = 0; fsync < 60; fsync++) {
        extents += Math.floor(rnd() * 60);
        // The changed leaves' items: consecutive batches of up to a leaf's worth, some half full.
        const batches: Item[][] = [];
        for (let at = 0; at < extents; ) {
          const n = Math.min(extents - at, 1 + Math.floor(rnd() * (rnd() < 0.5 ? 51 : 25)));
          batches.push(Array.from({ length: n }, (_, i) => extent((at + i) * 4096)));
          at += n + (rnd() < 0.2 ? 1 : 0);
        }
        const probe = key(257, KEY_TYPE.EXTENT_DATA, Math.floor(rnd() * extents) * 4096);
        for (const t of trees) {
          t.deleteKeyRange(key(257, 0, 0), key(257, KEY_TYPE.MAX, MAX_OFFSET));
          for (const b of batches) t.insertItems(b, undefined, true);
          t.search(probe, rnd() < 0.5);
          // The sync writes every dirty block; a commit now and then starts a new transaction.
          for (const b of t.dirty) b.written = true;
          t.dirty.clear();
        }
        if (fsync % 17 === 16) for (const h of hosts) h.transid++;
        expect(shape(trees[0])).toEqual(shape(trees[1]));
      }
      checkTree(trees[0]);
      expect(hosts[0].freed).toEqual(hosts[1].freed);
      expect(hosts[0].next).toBe(hosts[1].next);
      expect(hosts[0].cpu.counts).toEqual(hosts[1].cpu.counts);
    }
  });

  it("answers every search as a tree that always descends, through single-item deletes and inserts", () => {
    const hosts = [new FakeHost(), new FakeHost()] as const;
    const trees = [new BTree(hosts[0], 5), alwaysDescending(hosts[1], 5)] as const;
    const rnd = seedrandom.alea("finger-single");
    const present = new Set<number>();
    const where = (t: BTree, k: ReturnType<typeof key>): string => {
      const p = t.search(k, false, false);
      return `${p.nodes.map((b) => b.bytenr).join(",")}@${p.slots.join(",")}:${p.found}`;
    };
    for (let step = 0; step < 8000; step++) {
      const off = Math.floor(rnd() * 1500) * 4096;
      const k = key(257, KEY_TYPE.EXTENT_DATA, off);
      if (present.has(off) && rnd() < 0.05) {
        // The whole leaf at once (the leaf goes, and its left neighbour may take the finger).
        for (const t of trees) {
          const path = t.searchShared(k, true);
          const leaf = path.nodes[0] as Leaf;
          const gone = leaf.items.map((it) => it.key.offset);
          t.deleteItems(path, 0, leaf.items.length);
          if (t === trees[0]) for (const o of gone) present.delete(o);
        }
      } else {
        for (const t of trees) {
          if (!present.has(off)) t.insertItems([extent(off)]);
          else {
            const path = t.searchShared(k, true);
            t.deleteItems(path, path.slots[0]!, 1);
          }
        }
        if (present.has(off)) present.delete(off);
        else present.add(off);
      }
      // A search right after the change, near it (where a moved finger would answer) or anywhere.
      const near = key(257, KEY_TYPE.EXTENT_DATA, Math.max(0, off + (Math.floor(rnd() * 200) - 100) * 4096));
      expect(where(trees[0], near)).toBe(where(trees[1], near));
      if (step % 1000 === 999) for (const h of hosts) h.transid++;
    }
    expect(checkTree(trees[0])).toBe(present.size);
    expect(hosts[0].freed).toEqual(hosts[1].freed);
  });

  it("lets go of the finger when removing a leaf collapses the root", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 60; i++) tree.insertItems([extent(i * 4096)]);
    expect(tree.height).toBe(2);
    const path = tree.searchShared(key(257, KEY_TYPE.EXTENT_DATA, 59 * 4096), true);
    tree.deleteItems(path, 0, (path.nodes[0] as Leaf).items.length);
    expect(tree.height).toBe(1);
    const again = tree.search(key(257, KEY_TYPE.EXTENT_DATA, 0), false);
    expect(again.nodes).toEqual([tree.root]);
    expect(again.found).toBe(true);
  });
});
