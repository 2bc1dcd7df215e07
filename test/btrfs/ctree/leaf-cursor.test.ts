// LeafCursor (ctree/leaf-cursor.ts): item by item across leaves, a prefix skipped by binary search
// within each leaf, and the cursor at or before a key.
import { describe, expect, it } from "vitest";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { FakeHost } from "./fake-host.ts";
import { END, extent, extentKey } from "./tree-fixtures.ts";

describe("LeafCursor", () => {
  const host = new FakeHost();
  const tree = new BTree(host, 5);
  for (let i = 0; i < 51 * 5; i++) tree.insertItems([extent(i * 8192)]);

  it("walks every item from a key to the end, across leaves, uncharged", () => {
    const before = host.cpu.counts.btreeSearchLevel;
    const c = tree.cursor(extentKey(100 * 8192 - 1));
    const seen: number[] = [];
    for (; c.item !== undefined; c.next()) seen.push(c.item.key.offset / 8192);
    expect(seen).toEqual(Array.from({ length: 51 * 5 - 100 }, (_, i) => 100 + i));
    expect(host.cpu.counts.btreeSearchLevel).toBe(before);
    expect(tree.cursor(END).item).toBeUndefined();
  });

  it("skips the items a test holds for, a leaf at a time, and counts them", () => {
    const c = tree.cursor(extentKey(10 * 8192));
    expect(c.skipWhile((it) => it.key.offset < 200 * 8192)).toBe(190);
    expect(c.item?.key.offset).toBe(200 * 8192);
    expect(c.skipWhile(() => true)).toBe(51 * 5 - 200);
    expect(c.item).toBeUndefined();
  });

  it("starts at the last item at or before a key, in the previous leaf if need be", () => {
    expect(tree.cursorAtOrBefore(extentKey(30 * 8192)).item?.key.offset).toBe(30 * 8192);
    expect(tree.cursorAtOrBefore(extentKey(30 * 8192 + 1)).item?.key.offset).toBe(30 * 8192);
    expect(tree.cursorAtOrBefore(extentKey(0)).item?.key.offset).toBe(0);
    for (const leaf of tree.leavesFrom(extentKey(0))) {
      const first = leaf.items[0]!.key.offset;
      if (first > 0) expect(tree.cursorAtOrBefore(extentKey(first - 1)).item?.key.offset).toBe(first - 8192);
    }
  });
});
