// The leaf and node binary searches (ctree/bin-search.ts) against a linear scan, with keys
// present, absent, and repeated in a node's keys.
import { describe, expect, it } from "vitest";
import { lowerBound, upperBound } from "../../../btrfs/ctree/bin-search.ts";
import { compareKeys, key } from "../../../btrfs/ctree/key.ts";
import { extent, extentKey } from "./tree-fixtures.ts";

describe("binary searches", () => {
  it("find the first item at or after a key, and the first key after it", () => {
    for (let n = 0; n < 20; n++) {
      const items = Array.from({ length: n }, (_, i) => extent(i * 2));
      const keys = items.map((it) => it.key);
      for (let o = -1; o <= 2 * n + 1; o++) {
        const k = o < 0 ? key(0, 0, 0) : extentKey(o);
        expect(lowerBound(items, k)).toBe(((i) => (i === -1 ? n : i))(items.findIndex((it) => compareKeys(it.key, k) >= 0)));
        expect(upperBound(keys, k)).toBe(((i) => (i === -1 ? n : i))(keys.findIndex((x) => compareKeys(x, k) > 0)));
      }
    }
  });
});
