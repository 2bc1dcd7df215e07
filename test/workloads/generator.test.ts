// The operation stream has fio's semantics: each block once (random map), fsync after every N-th
// write but not after the last, deterministic for a seed.
import { describe, expect, it } from "vitest";
import { fioOps, resolveJobs, type FioOp } from "../../workloads/index.ts";

const opsOf = (text: string, seed = 1): FioOp[] => [...fioOps(resolveJobs(text, "t.fio").jobs[0]!, seed)];
const writesOf = (ops: FioOp[]): number[] => ops.flatMap((o) => (o.kind === "write" ? [o.offsetBytes] : []));

describe("fioOps", () => {
  it("writes every block of a randwrite job exactly once", () => {
    const offsets = writesOf(opsOf("[j]\nrw=randwrite\nbs=4k\nsize=4m\n"));
    expect(offsets).toHaveLength(1024);
    expect(new Set(offsets).size).toBe(1024);
    expect(Math.max(...offsets)).toBe(4 * 2 ** 20 - 4096);
    expect(offsets).not.toEqual([...offsets].sort((a, b) => a - b)); // and not in order
  });

  it("lets blocks repeat with norandommap", () => {
    const offsets = writesOf(opsOf("[j]\nrw=randwrite\nbs=4k\nsize=4m\nnorandommap\n"));
    expect(offsets).toHaveLength(1024);
    expect(new Set(offsets).size).toBeLessThan(1024);
  });

  it("writes sequentially for rw=write", () => {
    expect(writesOf(opsOf("[j]\nrw=write\nbs=4k\nsize=16k\n"))).toEqual([0, 4096, 8192, 12288]);
  });

  it("puts an fsync after every N-th write, none after the last, and one more with end_fsync", () => {
    const kinds = (text: string): string => opsOf(text).map((o) => (o.kind === "write" ? "w" : o.kind === "fsync" ? "F" : "D")).join("");
    expect(kinds("[j]\nrw=write\nbs=4k\nsize=16k\nfsync=1\n")).toBe("wFwFwFw");
    expect(kinds("[j]\nrw=write\nbs=4k\nsize=24k\nfsync=2\n")).toBe("wwFwwFww");
    expect(kinds("[j]\nrw=write\nbs=4k\nsize=16k\nfsync=1\nend_fsync=1\n")).toBe("wFwFwFwF");
    expect(kinds("[j]\nrw=write\nbs=4k\nsize=24k\nfdatasync=2\nfsync=3\n")).toBe("wwDwFwDww");
  });

  it("gives the same offsets for the same seed and different ones for another", () => {
    const text = "[j]\nrw=randwrite\nbs=4k\nsize=1m\n";
    expect(writesOf(opsOf(text, 5))).toEqual(writesOf(opsOf(text, 5)));
    expect(writesOf(opsOf(text, 5))).not.toEqual(writesOf(opsOf(text, 6)));
    const seeded = "[j]\nrw=randwrite\nbs=4k\nsize=1m\nrandseed=77\n";
    expect(writesOf(opsOf(seeded, 5))).toEqual(writesOf(opsOf(seeded, 6))); // randseed wins over --seed
  });

  it("writes only whole blocks when size is not a multiple of bs", () => {
    expect(writesOf(opsOf("[j]\nrw=write\nbs=4k\nsize=10k\n"))).toEqual([0, 4096]);
  });
});
