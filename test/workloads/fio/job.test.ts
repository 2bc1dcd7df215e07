// Job files: INI sections, [global] inheritance, comments, typed options, and refusals that name
// the file, line and option. A job file is untrusted input.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MSG } from "../../../lib/index.ts";
import { readJobFile, resolveJobs } from "../../../workloads/index.ts";
import { errorOf } from "../../helpers/input-error.ts";

const job = (text: string) => resolveJobs(text, "t.fio");
const FIXED_4K = { kind: "fixed", bytes: 4096 };

describe("resolveJobs", () => {
  it("reads the seed job with fio's defaults filled in", () => {
    const { jobs, warnings } = readJobFile("workloads/jobs/seed.fio");
    expect(warnings).toEqual([]);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      name: "seed", rw: "randwrite", bs: { read: FIXED_4K, write: FIXED_4K }, sizeBytes: 50 * 2 ** 20, fsyncEvery: 1, fdatasyncEvery: 0,
      syncMode: "none", fallocate: "native", norandommap: false, randrepeat: true, randseed: undefined,
      filenames: undefined, ioengine: "psync", kbBase: 1024, endFsync: false, numjobs: 1, direct: false, nrfiles: 1,
      ioSizeBytes: 50 * 2 ** 20, loops: 1, runtimeNs: undefined, timeBased: false, randomDistribution: { kind: "random" },
    });
  });

  it("lets a job inherit only the [global] sections above it, and override them", () => {
    const text = "[global]\nrw=write\nsize=1m\n[first]\nbs=8k\n[global]\nfsync=4\n";
    const { jobs } = job(text + "");
    expect(jobs[0]).toMatchObject({ name: "first", rw: "write", bs: { write: { kind: "fixed", bytes: 8192 } }, fsyncEvery: 0 });
    const later = job("[global]\nrw=write\nsize=1m\n[global]\nfsync=4\n[j]\nfsync=2\n").jobs[0];
    expect(later?.fsyncEvery).toBe(2);
  });

  it("skips comments (whole-line and trailing, as fio's strip_blank_end) and blank lines", () => {
    const { jobs } = job("; comment\n# another\n[j]\nrw=randwrite ; trailing\nsize=1m # also\n\n  bs = 8k  \n");
    expect(jobs[0]).toMatchObject({ rw: "randwrite", sizeBytes: 2 ** 20, bs: { write: { kind: "fixed", bytes: 8192 } } });
  });

  it("accepts aliases and bare bool keys", () => {
    const { jobs } = job("[j]\nreadwrite=randwrite\nblocksize=16k\nsize=1m\nnorandommap\nend_fsync=1\n");
    expect(jobs[0]).toMatchObject({ rw: "randwrite", bs: { write: { kind: "fixed", bytes: 16384 } }, norandommap: true, endFsync: true });
  });

  it("names the file, line and option of an unknown option, with a suggestion", () => {
    const e = errorOf(() => job("[j]\nrw=randwrite\nblocksz=4k\nsize=1m\n"));
    expect(e.line).toBe(`t.fio:3: ${MSG.fioUnknownOption("blocksz", "blocksize")}`);
  });

  it("names the line of a bad size suffix", () => {
    expect(errorOf(() => job("[j]\nrw=write\nsize=10q\n")).line).toBe(`t.fio:3: ${MSG.fioBadSuffix("size", "10q")}`);
  });

  it("refuses zero and negative sizes, and bs larger than size", () => {
    expect(errorOf(() => job("[j]\nrw=write\nsize=0\n")).line).toBe(`t.fio:3: ${MSG.fioZero("size")}`);
    expect(errorOf(() => job("[j]\nrw=write\nsize=-1m\n")).line).toBe(`t.fio:3: ${MSG.fioNegative("size", "-1m")}`);
    expect(errorOf(() => job("[j]\nrw=write\nbs=0\nsize=1m\n")).line).toMatch(/^t\.fio:3: option 'bs': '0' must be at least 1 byte/);
    expect(errorOf(() => job("[j]\nrw=write\nsize=4k\nbs=8k\n")).line).toBe(`t.fio:4: ${MSG.fioBsLargerThanSize("j", 8192, 4096)}`);
    expect(errorOf(() => job("[j]\nrw=write\n")).line).toBe(`t.fio: ${MSG.fioSizeRequired("j")}`);
  });

  it("refuses what it does not simulate, with the reason, never ignoring it", () => {
    expect(errorOf(() => job("[j]\nrw=write\nsize=1m\nioengine=libaio\n")).message).toMatch(/asynchronous engine is not simulated/);
    expect(errorOf(() => job("[j]\nrw=write\nsize=1m\nioengine=libaio\niodepth_batch=4\n")).where).toBe("t.fio:4"); // the engine first
    expect(errorOf(() => job("[j]\nrw=trim\nsize=1m\n")).message).toMatch(/trim is not simulated/);
    expect(errorOf(() => job("[j]\nrw=randwrite:8\nsize=1m\n")).message).toBe(MSG.fioRwModifier("randwrite:8"));
    expect(errorOf(() => job("[j]\nrw=write\nsize=1m\nverify=md5\n")).line).toBe(`t.fio:4: ${MSG.fioOptionNotSimulated("verify", "verify")}`);
    expect(errorOf(() => job("[j]\nrw=write\nsize=1m\ntime_based\n")).message).toBe(MSG.fioTimeBasedNeedsRuntime("j"));
    expect(errorOf(() => job("[j]\nrw=write\nsize=1m\nioengine=warp\n")).message).toMatch(/unknown ioengine 'warp'/);
    expect(errorOf(() => job("[j]\nrw=sideways\nsize=1m\n")).message).toMatch(/is not one of/);
    expect(errorOf(() => job("[global]\nrw=write\n")).message).toBe(MSG.fioNoJobs());
    expect(errorOf(() => job("rw=write\n[j]\n")).line).toMatch(/^t\.fio:1: /);
    expect(errorOf(() => job("[j\nrw=write\n")).line).toMatch(/^t\.fio:1: malformed section header/);
    expect(errorOf(() => job("[j]\nrw=write\nsize\n")).line).toBe(`t.fio:3: ${MSG.fioMissingValue("size")}`);
  });

  it("warns about options that have no effect, instead of dropping them silently", () => {
    const { warnings } = job("[j]\nrw=write\nsize=1m\nioengine=sync\niodepth=8\nrandrepeat=0\n");
    expect(warnings).toEqual([MSG.fioIodepthNoEffect(8, "sync"), MSG.fioRandrepeatOff()]);
  });

  it("applies --set overrides last and locates their errors at the flag", () => {
    const { jobs } = resolveJobs("[j]\nrw=write\nsize=1m\n", "t.fio", [{ key: "size", value: "4m", where: "--set size=4m" }]);
    expect(jobs[0]?.sizeBytes).toBe(4 * 2 ** 20);
    const e = errorOf(() => resolveJobs("[j]\nrw=write\nsize=1m\n", "t.fio", [{ key: "bs", value: "4q", where: "--set bs=4q" }]));
    expect(e.where).toBe("--set bs=4q");
  });

  it("treats keys like __proto__ and constructor as unknown options, touching nothing else", () => {
    for (const key of ["__proto__", "constructor", "toString", "hasOwnProperty", "prototype"]) {
      const e = errorOf(() => job(`[j]\nrw=write\nsize=1m\n${key}=1\n`));
      expect(e.line).toMatch(new RegExp(`^t\\.fio:4: unknown or unsupported fio option '${key}'`));
    }
    expect(errorOf(() => job("[__proto__]\nrw=write\nsize=1m\n__proto__=x\n")).where).toBe("t.fio:4");
    const { jobs } = job("[__proto__]\nrw=write\nsize=1m\n");
    expect(jobs[0]?.name).toBe("__proto__");
    expect(({} as Record<string, unknown>).rw).toBeUndefined();
    expect(Object.getPrototypeOf(jobs[0]?.options)).toBe(Object.prototype);
  });

  it("reports an unreadable job file in one line naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "fsyncsim-"));
    expect(errorOf(() => readJobFile(join(dir, "missing.fio"))).line).toBe(`${join(dir, "missing.fio")}: ${MSG.fioUnreadable("no such file")}`);
    expect(errorOf(() => readJobFile(dir)).message).toBe(MSG.fioUnreadable("is a directory"));
    writeFileSync(join(dir, "ok.fio"), "[j]\nrw=write\nsize=8k\n");
    expect(readJobFile(join(dir, "ok.fio")).jobs[0]?.sizeBytes).toBe(8192);
  });
});
