// The chunked store behind the extent map tree against a plain sorted array: the same order and
// neighbours through random inserts and removals, across chunk splits and joins.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { ChunkedSortedList, type ChunkPos } from "../../btrfs/extent-map-chunks.ts";

interface Entry {
  start: number;
}

describe("ChunkedSortedList", () => {
  it("keeps the order and neighbours of a sorted array through 20,000 random inserts and removals", () => {
    const list = new ChunkedSortedList<Entry>();
    const ref: Entry[] = [];
    const rnd = seedrandom.alea("chunks");
    const pos: ChunkPos = { chunk: 0, index: 0 };
    const indexAfter = (start: number): number => {
      let i = 0;
      while (i < ref.length && (ref[i] as Entry).start <= start) i++;
      return i;
    };
    for (let step = 0; step < 20_000; step++) {
      const start = Math.floor(rnd() * 5000);
      list.seekAfter(start, pos);
      const i = indexAfter(start);
      expect(list.before(pos)).toBe(ref[i - 1]);
      expect(list.at(pos)).toBe(ref[i]);
      const present = ref[i - 1]?.start === start;
      if (!present && rnd() < 0.55) {
        const e = { start };
        list.insertAt(pos, e);
        ref.splice(i, 0, e);
        expect(list.at(pos)).toBe(e);
        expect(list.after(pos)).toBe(ref[i + 1]);
      } else if (present) {
        expect(list.stepBack(pos)).toBe(true);
        list.removeAt(pos);
        ref.splice(i - 1, 1);
        expect(list.at(pos)).toBe(ref[i - 1]);
      }
      expect(list.size).toBe(ref.length);
    }
    expect(list.toArray()).toEqual(ref);
  });

  it("walks forward and back across chunks", () => {
    const list = new ChunkedSortedList<Entry>();
    const pos: ChunkPos = { chunk: 0, index: 0 };
    for (let s = 0; s < 300; s++) {
      list.seekAfter(s, pos);
      list.insertAt(pos, { start: s });
    }
    list.seekAfter(-1, pos);
    const seen: number[] = [];
    for (let e = list.at(pos); e !== undefined; e = list.at(pos)) {
      seen.push(e.start);
      list.stepOn(pos);
    }
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i));
    list.seekAfter(299, pos);
    let back = 0;
    while (list.stepBack(pos)) back++;
    expect(back).toBe(300);
  });
});
