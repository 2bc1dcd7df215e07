// `fsyncsim run` end to end, in-process: outputs, files, determinism, and one-line refusals of bad
// input that leave nothing half-written.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./harness.ts";

const REQUIRED_COLUMNS = [
  "fs", "logger", "device", "job", "ops", "fsyncs", "simulated_runtime_s", "throughput_kib_per_s", "iops",
  "fsync_lat_p50_us", "fsync_lat_p99_us", "device_writes", "device_write_bytes", "device_flushes", "seed",
];
const tmp = (): string => mkdtempSync(join(tmpdir(), "fsyncsim-cli-"));
const small = ["--set", "size=1m"];

describe("fsyncsim run", () => {
  it("prints a CSV row with the documented columns", async () => {
    const r = await cli(["run", "--device", "null", "--format", "csv", ...small]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const [header, row, end] = r.stdout.split("\n");
    expect(header?.split(",")).toEqual(expect.arrayContaining(REQUIRED_COLUMNS));
    const record = Object.fromEntries(header!.split(",").map((k, i) => [k, row!.split(",")[i]]));
    expect(record).toMatchObject({ fs: "btrfs", logger: "modified-extents", device: "null", job: "seed", ops: "256", fsyncs: "255", seed: "1" });
    expect(end).toBe("");
  });

  it("prints a table on request and JSON with the parameters used", async () => {
    const table = await cli(["run", "--device", "null", ...small]);
    expect(table.stdout).toMatch(/write: IOPS=[\d.k]+, BW=[\d.]+[KMG]iB\/s/);
    const json = await cli(["run", "--device", "sata-hdd", "--format", "json", "--set", "device.rotationRpm=5400", ...small]);
    const doc = JSON.parse(json.stdout);
    expect(doc.summary.device).toBe("sata-hdd");
    expect(doc.deviceParams.rotationRpm).toBe(5400);
    expect(doc.jobOptions.size).toBe("1m");
  });

  it("gives byte-identical output for the same inputs and seed", async () => {
    const args = ["run", "--device", "sata-hdd", "--format", "json", ...small];
    const a = await cli(args);
    const b = await cli(args);
    expect(a.stdout).toBe(b.stdout);
    const other = await cli([...args, "--seed", "2"]);
    expect(other.stdout).not.toBe(a.stdout);
  });

  it("writes CSV and JSON into --out, whole, with no temporary files left", async () => {
    const dir = join(tmp(), "results");
    const r = await cli(["run", "--device", "null", "--format", "csv", "--out", dir, ...small]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["seed-btrfs-modified-extents-null.csv", "seed-btrfs-modified-extents-null.fio.json", "seed-btrfs-modified-extents-null.json"]);
    expect(readFileSync(join(dir, "seed-btrfs-modified-extents-null.csv"), "utf8")).toBe(r.stdout);
  });

  it("keeps a hostile job name from writing outside --out", async () => {
    const dir = tmp();
    const job = join(dir, "evil.fio");
    writeFileSync(job, "[../../escape]\nrw=write\nsize=64k\n");
    const out = join(dir, "out");
    expect((await cli(["run", "--device", "null", "--job", job, "--out", out])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["escape-btrfs-modified-extents-null.csv", "escape-btrfs-modified-extents-null.fio.json", "escape-btrfs-modified-extents-null.json"]);
    expect(readdirSync(dir).sort()).toEqual(["evil.fio", "out"]);
  });

  it("shows warnings on stderr and keeps stdout clean", async () => {
    const r = await cli(["run", "--device", "null", "--format", "csv", ...small, "--set", "iodepth=4", "--set", "ioengine=sync"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^fsyncsim: warning: iodepth=4 has no effect/);
    expect(r.stdout.startsWith("fs,logger")).toBe(true);
  });

  describe("refuses bad input in one line, exit 2, writing nothing", () => {
    const dir = tmp();
    const file = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const cases: Array<[string, string[], RegExp]> = [
      ["an unknown option in a job file", ["--job", file("typo.fio", "[j]\nrw=write\nblocksz=4k\nsize=1m\n")], /typo\.fio:3: unknown or unsupported fio option 'blocksz'; did you mean 'blocksize'\?$/],
      ["a bad size suffix", ["--job", file("suffix.fio", "[j]\nrw=write\nsize=10x\n")], /suffix\.fio:3: option 'size': '10x' has an unknown size suffix/],
      ["bs larger than size", ["--job", file("bs.fio", "[j]\nrw=write\nsize=4k\nbs=1m\n")], /bs\.fio:4: job 'j': bs \(1048576 bytes\) is larger than size \(4096 bytes\)$/],
      ["a zero size", ["--set", "size=0"], /--set size=0: option 'size' must be greater than zero$/],
      ["a negative size", ["--job", file("neg.fio", "[j]\nrw=write\nsize=-8k\n")], /neg\.fio:3: option 'size': '-8k' is negative$/],
      ["an unknown device", ["--device", "sata-hd"], /--device: unknown device 'sata-hd'; did you mean 'sata-hdd'\?/],
      ["an unknown --set key", ["--set", "device.rpm=5400"], /--set device\.rpm=5400: unknown parameter 'device\.rpm'/],
      ["a --set value out of bounds", ["--set", "device.completionNs=-5"], /--set device\.completionNs=-5: device\.completionNs must be within/],
      ["an unreadable job file", ["--job", join(dir, "absent.fio")], /absent\.fio: cannot read job file: no such file$/],
      ["a __proto__ key", ["--job", file("proto.fio", "[j]\nrw=write\nsize=1m\n__proto__=1\n")], /proto\.fio:4: unknown or unsupported fio option '__proto__'$/],
      ["a constructor key via --set", ["--set", "constructor=1"], /--set constructor=1: unknown or unsupported fio option 'constructor'$/],
      ["an unknown logger", ["--logger", "modified-extent"], /--logger: unknown logger 'modified-extent'; did you mean 'modified-extents'\?/],
      ["a job larger than the raw device", ["--fs", "raw", "--device", "ramdisk", "--set", "size=8g"], /^fsyncsim: error: --fs raw: file 'seed\.0\.0' would end at byte 8589934592, past the end of the device/],
      ["a job larger than the filesystem", ["--device", "ramdisk", "--set", "size=8g"], /btrfs: the filesystem is full/],
      ["a block size a raw device cannot take", ["--fs", "raw", "--set", "bs=1000"], /job 'seed': bs 1000 is not a multiple of 512 bytes/],
      ["an unknown btrfs parameter", ["--set", "btrfs.nodesize=16384"], /unknown parameter 'btrfs\.nodesize'; did you mean 'btrfs\.nodesizeBytes'\?/],
      ["a cpu parameter out of range", ["--set", "cpu.hz=7"], /cpu\.hz must be within \[100, 1000\]/],
      ["a bad --seed", ["--seed", "x"], /option '--seed <n>' argument 'x' is invalid/],
      ["a bad --format", ["--format", "xml"], /Allowed choices are table, csv, json/],
    ];
    for (const [what, args, pattern] of cases) {
      it(what, async () => {
        const out = join(dir, `out-${what.replace(/\W+/g, "-")}`);
        mkdirSync(out);
        writeFileSync(join(out, "earlier.csv"), "kept");
        const r = await cli(["run", "--device", "null", ...args, "--out", out]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        const lines = r.stderr.trimEnd().split("\n");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^fsyncsim: error: /);
        expect(lines[0]).toMatch(pattern);
        expect(readdirSync(out)).toEqual(["earlier.csv"]);
        expect(readFileSync(join(out, "earlier.csv"), "utf8")).toBe("kept");
      });
    }
  });

  it("reports a directory that cannot be created", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "file"), "");
    const r = await cli(["run", "--device", "null", ...small, "--out", join(dir, "file", "sub")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fsyncsim: error: --out: cannot create directory/);
    expect(existsSync(join(dir, "file", "sub"))).toBe(false);
  });
});
