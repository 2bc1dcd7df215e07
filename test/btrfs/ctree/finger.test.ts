// The finger (ctree/finger.ts): the tree's cached path must make every search, COW, split, free
// and charge come out as a tree that always descends from the root would make them.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { fileExtentItem, type Item } from "../../../btrfs/ctree/items.ts";
import { KEY_TYPE, MAX_OFFSET, key } from "../../../btrfs/ctree/key.ts";
import { isLeaf, type Leaf, type TreeBlock } from "../../../btrfs/ctree/tree-block.ts";
import { FakeHost, checkTree } from "./fake-host.ts";
import { extent } from "./tree-fixtures.ts";

describe("the finger (the cached path)", () => {
  /** A tree whose every search descends from the root: the behaviour the finger must reproduce. */
  function alwaysDescending(host: FakeHost, owner: number): BTree {
    const tree = new BTree(host, owner);
    tree.finger.holds = () => false;
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
          t.deleteRange(key(257, 0, 0), key(257, KEY_TYPE.MAX, MAX_OFFSET));
          for (const b of batches) t.insertItems(b, undefined, true);
          t.search(probe, { cow: rnd() < 0.5, copy: true });
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
      const p = t.search(k, { copy: true, charge: false });
      return `${p.nodes.map((b) => b.bytenr).join(",")}@${p.slots.join(",")}:${p.found}`;
    };
    for (let step = 0; step < 8000; step++) {
      const off = Math.floor(rnd() * 1500) * 4096;
      const k = key(257, KEY_TYPE.EXTENT_DATA, off);
      if (present.has(off) && rnd() < 0.05) {
        // The whole leaf at once (the leaf goes, and its left neighbour may take the finger).
        for (const t of trees) {
          const path = t.search(k, { cow: true });
          const leaf = path.nodes[0] as Leaf;
          const gone = leaf.items.map((it) => it.key.offset);
          t.deleteItems(path, 0, leaf.items.length);
          if (t === trees[0]) for (const o of gone) present.delete(o);
        }
      } else {
        for (const t of trees) {
          if (!present.has(off)) t.insertItems([extent(off)]);
          else {
            const path = t.search(k, { cow: true });
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
    const path = tree.search(key(257, KEY_TYPE.EXTENT_DATA, 59 * 4096), { cow: true });
    tree.deleteItems(path, 0, (path.nodes[0] as Leaf).items.length);
    expect(tree.height).toBe(1);
    const again = tree.search(key(257, KEY_TYPE.EXTENT_DATA, 0), { copy: true });
    expect(again.nodes).toEqual([tree.root]);
    expect(again.found).toBe(true);
  });

  it("holds a key only between its leaf's bounds, and only for the shape it was pinned at", () => {
    const tree = new BTree(new FakeHost(), 5);
    for (let i = 0; i < 51 * 3; i++) tree.insertItems([extent(i * 4096)]);
    const leaves = (tree.root as { children: Leaf[] }).children;
    expect(leaves.length).toBeGreaterThanOrEqual(3);
    const middle = leaves[1]!;
    const inside = middle.items[3]!.key;
    tree.search(inside);
    expect(tree.finger.nodes[0]).toBe(middle);
    expect(tree.finger.holds(inside, tree.shapeVersion)).toBe(true);
    expect(tree.finger.holds(middle.items[0]!.key, tree.shapeVersion)).toBe(true);
    expect(tree.finger.holds(leaves[2]!.items[0]!.key, tree.shapeVersion)).toBe(false);
    expect(tree.finger.holds(leaves[0]!.items[0]!.key, tree.shapeVersion)).toBe(false);
    expect(tree.finger.holds(inside, tree.shapeVersion + 1)).toBe(false);
  });
});
