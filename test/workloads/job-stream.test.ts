// The operation stream has fio's semantics: each block once (random map), fsync after every N-th
// write but not after the last, mixed directions by rwmixread, round robin over files, loops and
// number_ios, deterministic for a seed.
import { describe, expect, it } from "vitest";
import { JobStream, planJobs, resolveJobs, type IoOp } from "../../workloads/index.ts";

const opsOf = (text: string, seed = 1): IoOp[] => {
  const jobs = resolveJobs(text, "t.fio").jobs;
  const p = planJobs(jobs, seed).processes[0]!;
  const stream = new JobStream(p.job, p.files, p.seed);
  const out: IoOp[] = [];
  for (let op = stream.next(0); op !== undefined; op = stream.next(0)) out.push(op);
  return out;
};
const writesOf = (ops: IoOp[]): number[] => ops.flatMap((o) => (o.kind === "write" ? [o.offsetBytes] : []));
const kindsOf = (ops: IoOp[]): string => ops.map((o) => ({ write: "w", read: "r", fsync: "F", fdatasync: "D" })[o.kind as "write"] ?? "?").join("");

describe("JobStream", () => {
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
    const kinds = (text: string): string => kindsOf(opsOf(text));
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

  it("mixes reads and writes by rwmixread, syncing only after writes", () => {
    const ops = opsOf("[j]\nrw=randrw\nrwmixread=70\nbs=4k\nsize=4m\nfsync=4\n");
    const reads = ops.filter((o) => o.kind === "read").length;
    const writes = ops.filter((o) => o.kind === "write").length;
    expect(reads + writes).toBe(1024); // one map: each block once, read or written
    expect(reads / 1024).toBeGreaterThan(0.65);
    expect(reads / 1024).toBeLessThan(0.75);
    expect(ops.filter((o) => o.kind === "fsync").length).toBe(Math.floor(writes / 4) - (writes % 4 === 0 && ops.at(-1)?.kind === "write" ? 1 : 0));
    for (let i = 1; i < ops.length; i++) if (ops[i]!.kind === "fsync") expect(ops[i - 1]!.kind).toBe("write");
  });

  it("goes round robin over nrfiles files, each its share of size", () => {
    const ops = opsOf("[j]\nrw=write\nbs=4k\nsize=32k\nnrfiles=2\n");
    expect(ops.map((o) => (o.kind === "write" ? `${o.file}:${o.offsetBytes / 4096}` : "?"))).toEqual(["0:0", "1:0", "0:1", "1:1", "0:2", "1:2", "0:3", "1:3"]);
  });

  it("repeats the I/O with loops and stops early with number_ios", () => {
    expect(writesOf(opsOf("[j]\nrw=write\nbs=4k\nsize=8k\nloops=3\n"))).toEqual([0, 4096, 0, 4096, 0, 4096]);
    expect(writesOf(opsOf("[j]\nrw=write\nbs=4k\nsize=64k\nnumber_ios=3\n"))).toEqual([0, 4096, 8192]);
  });

  it("stops at runtime, and time_based starts over until then", () => {
    const jobs = resolveJobs("[j]\nrw=write\nbs=4k\nsize=8k\ntime_based\nruntime=1\n", "t.fio").jobs;
    const p = planJobs(jobs, 1).processes[0]!;
    const stream = new JobStream(p.job, p.files, p.seed);
    const offsets: number[] = [];
    for (let t = 0; t < 5; t++) offsets.push((stream.next(t * 1e8) as { offsetBytes: number }).offsetBytes);
    expect(offsets).toEqual([0, 4096, 0, 4096, 0]);
    expect(stream.next(1e9)).toBeUndefined();
  });

  it("draws block sizes from bssplit and keeps each I/O inside the file", () => {
    const ops = opsOf("[j]\nrw=randwrite\nbssplit=4k/50:16k/50\nsize=1m\n");
    const sizes = ops.flatMap((o) => (o.kind === "write" ? [o.lengthBytes] : []));
    expect(new Set(sizes)).toEqual(new Set([4096, 16384, ...sizes.filter((s) => s !== 4096 && s !== 16384)]));
    expect(sizes.filter((s) => s === 16384).length).toBeGreaterThan(20);
    for (const o of ops) if (o.kind === "write") expect(o.offsetBytes + o.lengthBytes).toBeLessThanOrEqual(2 ** 20);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2 ** 20);
  });
});
