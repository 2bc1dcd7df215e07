// A minimal TreeHost for B-tree tests: sequential block addresses, a settable transaction, and a
// log of freed blocks.
import { CPU_PARAMS, CpuMeter } from "../../../btrfs/cpu/index.ts";
import { paramDefaults } from "../../../lib/index.ts";
import type { TreeHost } from "../../../btrfs/ctree/tree-state.ts";
import { compareKeys, type Key } from "../../../btrfs/ctree/key.ts";
import { isLeaf, type TreeBlock } from "../../../btrfs/ctree/tree-block.ts";
import type { BTree } from "../../../btrfs/ctree/btree.ts";
import { itemFootprint } from "../../../btrfs/ctree/items.ts";

export class FakeHost implements TreeHost {
  nodesize = 4096;
  transid = 1;
  next = 1 << 20;
  readonly freed: Array<{ bytenr: number; unwritten: boolean }> = [];
  readonly cpu = new CpuMeter(paramDefaults(CPU_PARAMS));
  allocTreeBlock(): number {
    const b = this.next;
    this.next += this.nodesize;
    return b;
  }
  freeTreeBlock(block: TreeBlock, unwritten: boolean): void {
    this.freed.push({ bytenr: block.bytenr, unwritten });
  }
}

/** Checks ordering, sizes, capacities and parent keys of the whole tree; returns its item count. */
export function checkTree(tree: BTree): number {
  let prev: Key | undefined;
  let count = 0;
  const walk = (b: TreeBlock, level: number): void => {
    if (b.level !== level) throw new Error(`block at level ${b.level}, expected ${level}`);
    if (isLeaf(b)) {
      let used = 0;
      for (const it of b.items) {
        if (prev !== undefined && compareKeys(prev, it.key) >= 0) throw new Error("items out of order");
        prev = it.key;
        used += itemFootprint(it);
        count++;
      }
      if (used !== b.usedBytes) throw new Error(`usedBytes ${b.usedBytes} != ${used}`);
      if (used > tree.leafCapacityBytes) throw new Error(`leaf over capacity: ${used}`);
      if (b.items.length === 0 && b !== tree.root) throw new Error("empty non-root leaf");
      return;
    }
    if (b.children.length === 0 || b.children.length > tree.nodeCapacityPtrs) throw new Error(`node with ${b.children.length} children`);
    if (b.keys.length !== b.children.length) throw new Error("keys/children length mismatch");
    b.children.forEach((c, i) => {
      const first = isLeaf(c) ? c.items[0]?.key : c.keys[0];
      if (first === undefined || compareKeys(first, b.keys[i] as Key) !== 0) throw new Error(`stale parent key at slot ${i}`);
      walk(c, level - 1);
    });
  };
  walk(tree.root, tree.root.level);
  return count;
}
