// `fsyncsim sweep --shard K/N` and `fsyncsim merge`: shards 1/3, 2/3 and 3/3 merged give the whole
// sweep's file byte for byte; merge refuses duplicate points, mismatched headers, incomplete files
// and, with --expect, missing points, writing nothing.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./harness.ts";

const GRID = ["--device", "null,ramdisk", "--logger", "truncate-and-copy,modified-extents", "--set", "size=256k,512k"];
const tmp = (): string => mkdtempSync(join(tmpdir(), "fsyncsim-merge-"));
const points = (path: string): string[] => readFileSync(path, "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]!);

describe("fsyncsim sweep --shard and merge", () => {
  let dir: string;
  let whole: Buffer;
  const shard = (k: number): string => join(dir, `part-${k}.csv`);
  beforeAll(async () => {
    dir = tmp();
    expect((await cli(["sweep", ...GRID, "--workers", "2", "--out", join(dir, "whole.csv")])).code).toBe(0);
    whole = readFileSync(join(dir, "whole.csv"));
    for (const k of [1, 2, 3]) {
      const r = await cli(["sweep", ...GRID, "--workers", "1", "--shard", `${k}/3`, "--out", shard(k)]);
      expect(r.code).toBe(0);
    }
  }, 120_000);

  it("runs only the points with index % N == K - 1, in point order", () => {
    expect(points(shard(1))).toEqual(["0", "3", "6"]);
    expect(points(shard(2))).toEqual(["1", "4", "7"]);
    expect(points(shard(3))).toEqual(["2", "5"]);
  });

  it("merges the shards, in any order, into the whole sweep's bytes", async () => {
    const out = join(dir, "merged.csv");
    const r = await cli(["merge", out, shard(3), shard(1), shard(2), "--expect", "8"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`merge: 8 points from 3 files into ${out}\n`);
    expect(readFileSync(out).equals(whole)).toBe(true);
  });

  it("refuses a point present twice", async () => {
    const out = join(dir, "twice.csv");
    const r = await cli(["merge", out, shard(1), shard(2), shard(1)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fsyncsim: error: ${shard(1)}: point 0 appears twice (${shard(1)}:2 and ${shard(1)}:2)\n`);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses files whose headers differ, naming the file", async () => {
    const other = join(dir, "other.csv");
    expect((await cli(["sweep", ...GRID, "--set", "bs=4k,8k", "--shard", "3/3", "--workers", "1", "--out", other])).code).toBe(0);
    const out = join(dir, "mixed.csv");
    const r = await cli(["merge", out, shard(1), shard(2), other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fsyncsim: error: ${other}: its header differs from the first file's: it has 'bs', which ${shard(1)} does not\n`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("with --expect, names the missing points", async () => {
    const out = join(dir, "missing.csv");
    const r = await cli(["merge", out, shard(1), shard(3), "--expect", "8"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("fsyncsim: error: --expect 8: 3 of the points 0 to 7 are missing: 1, 4, 7\n");
    const beyond = await cli(["merge", out, shard(1), shard(2), shard(3), "--expect", "6"]);
    expect(beyond.stderr).toBe("fsyncsim: error: --expect 6: point 6 is beyond the 6 points expected (0 to 5)\n");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a shard with an incomplete last line", async () => {
    const cut = join(dir, "cut.csv");
    writeFileSync(cut, readFileSync(shard(2)).subarray(0, -10));
    const r = await cli(["merge", join(dir, "never.csv"), shard(1), cut]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`fsyncsim: error: ${cut}: its last line is incomplete`);
  });
});
