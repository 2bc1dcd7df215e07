// The random map finds the next unwritten block like a linear scan would, across its levels.
import { describe, expect, it } from "vitest";
import { RandomMap } from "../../lib/index.ts";

function naiveNextFree(used: Uint8Array, from: number): number {
  for (let i = 0; i < used.length; i++) {
    const b = (from + i) % used.length;
    if (used[b] === 0) return b;
  }
  return -1;
}

describe("RandomMap", () => {
  for (const blocks of [1, 31, 32, 33, 1000, 1024, 40_000]) {
    it(`agrees with a linear scan for ${blocks} blocks until full`, () => {
      const map = new RandomMap(blocks);
      const used = new Uint8Array(blocks);
      let s = blocks;
      const rnd = (): number => Math.floor(((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * blocks);
      for (let i = 0; i < blocks; i++) {
        const from = rnd();
        const expected = naiveNextFree(used, from);
        expect(map.nextFree(from)).toBe(expected);
        map.set(expected);
        used[expected] = 1;
        expect(map.isSet(expected)).toBe(true);
      }
      expect(map.nextFree(0)).toBe(-1);
    });
  }
});
