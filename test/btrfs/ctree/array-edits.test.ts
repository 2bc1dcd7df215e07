// The in-place array edits (ctree/array-edits.ts) against the splice() calls they replace.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { insertAt, insertOne, removeAt } from "../../../btrfs/ctree/array-edits.ts";

describe("array edits", () => {
  it("do what splice does, at every place in arrays of every small length", () => {
    const rnd = seedrandom.alea("array-edits");
    for (let len = 0; len < 12; len++) {
      const base = Array.from({ length: len }, (_, i) => i);
      for (let at = 0; at <= len; at++) {
        const add = Array.from({ length: Math.floor(rnd() * 5) }, (_, i) => 100 + i);
        const a = base.slice();
        const b = base.slice();
        insertAt(a, at, add);
        b.splice(at, 0, ...add);
        expect(a).toEqual(b);
        const one = base.slice();
        const ref = base.slice();
        insertOne(one, at, -1);
        ref.splice(at, 0, -1);
        expect(one).toEqual(ref);
        if (at < len) {
          const r = base.slice();
          const s = base.slice();
          removeAt(r, at);
          s.splice(at, 1);
          expect(r).toEqual(s);
        }
      }
    }
  });
});
