// `fsyncsim sweep --resume`: a sweep killed part-way (SIGKILL, so nothing of it runs at exit) and
// resumed ends with the same bytes as one never interrupted; an incomplete last line is dropped; a
// file from another sweep is refused.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./harness.ts";

// Ten points of about 0.2-0.5 s each on one worker: a few seconds in all.
const SLOW = ["--device", "sata-hdd", "--set", "size=8m,12m,16m,20m,24m,28m,32m,36m,40m,44m"];
const FAST = ["--device", "null,ramdisk", "--logger", "truncate-and-copy,modified-extents", "--set", "size=256k,512k"];
const tmp = (): string => mkdtempSync(join(tmpdir(), "fsyncsim-resume-"));
const lines = (path: string): string[] => (existsSync(path) ? readFileSync(path, "utf8").split("\n") : []);

/** Starts the real CLI and kills it with SIGKILL once `path` holds `rows` complete data rows. */
async function killAfterRows(args: string[], path: string, rows: number): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ["bin/fsyncsim.js", ...args], { stdio: "ignore" });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  for (;;) {
    if (child.exitCode !== null) break;
    if (lines(path).length - 2 >= rows) {
      child.kill("SIGKILL");
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return exited;
}

describe("fsyncsim sweep --resume", () => {
  let whole: Buffer;
  let fastWhole: Buffer;
  beforeAll(async () => {
    const dir = tmp();
    expect((await cli(["sweep", ...SLOW, "--workers", "2", "--out", join(dir, "whole.csv")])).code).toBe(0);
    expect((await cli(["sweep", ...FAST, "--workers", "2", "--out", join(dir, "fast.csv")])).code).toBe(0);
    whole = readFileSync(join(dir, "whole.csv"));
    fastWhole = readFileSync(join(dir, "fast.csv"));
  }, 120_000);

  it("completes a sweep killed part-way to the bytes of an uninterrupted one", async () => {
    const out = join(tmp(), "killed.csv");
    const signal = await killAfterRows(["sweep", ...SLOW, "--workers", "1", "--out", out], out, 2);
    expect(signal).toBe("SIGKILL");
    const done = lines(out).filter((l, i) => i > 0 && l !== "").length;
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(10);
    const r = await cli(["sweep", ...SLOW, "--workers", "1", "--out", out, "--resume"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("skipped ");
    expect(readFileSync(out).equals(whole)).toBe(true);
  }, 120_000);

  it("drops an incomplete last line and runs its point again", async () => {
    const out = join(tmp(), "partial.csv");
    const text = fastWhole.toString();
    const keep = text.split("\n").slice(0, 4).join("\n") + "\n"; // header and points 0-2
    writeFileSync(out, keep + "3,512k,btrfs,trunc");
    const r = await cli(["sweep", ...FAST, "--workers", "2", "--out", out, "--resume"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`sweep: ran 5 points, skipped 3 already done; ${out} holds 8 of the 8 points\n`);
    expect(readFileSync(out).equals(fastWhole)).toBe(true);
  }, 60_000);

  it("starts the file when --resume finds none, or only part of a header", async () => {
    const dir = tmp();
    const none = join(dir, "none.csv");
    expect((await cli(["sweep", ...FAST, "--workers", "1", "--out", none, "--resume"])).code).toBe(0);
    expect(readFileSync(none).equals(fastWhole)).toBe(true);
    const cut = join(dir, "cut.csv");
    writeFileSync(cut, "point,si");
    expect((await cli(["sweep", ...FAST, "--workers", "1", "--out", cut, "--resume"])).code).toBe(0);
    expect(readFileSync(cut).equals(fastWhole)).toBe(true);
  }, 60_000);

  it("reruns rows removed from the middle and keeps the file in point order", async () => {
    const out = join(tmp(), "holes.csv");
    const all = fastWhole.toString().split("\n");
    writeFileSync(out, all.filter((_, i) => i !== 2 && i !== 5).join("\n")); // points 1 and 4 removed
    const r = await cli(["sweep", ...FAST, "--workers", "2", "--out", out, "--resume"]);
    expect(r.stdout).toContain("ran 2 points, skipped 6");
    expect(readFileSync(out).equals(fastWhole)).toBe(true);
  }, 60_000);

  it("refuses a file whose header differs, or whose rows are another sweep's, and leaves it as it was", async () => {
    const dir = tmp();
    const other = join(dir, "other.csv");
    writeFileSync(other, fastWhole);
    const header = await cli(["sweep", ...FAST, "--set", "bs=4k,8k", "--out", other, "--resume"]);
    expect(header.code).toBe(2);
    expect(header.stderr).toBe(`fsyncsim: error: ${other}: its header is not the one this sweep writes: it lacks 'bs'\n`);
    const values = await cli(["sweep", ...FAST.slice(0, -1), "size=256k,1m", "--out", other, "--resume"]);
    expect(values.code).toBe(2);
    expect(values.stderr).toBe(`fsyncsim: error: ${other}: line 3: point 1 has size='512k', but this sweep's point 1 has size='1m'\n`);
    const seed = await cli(["sweep", ...FAST, "--seed", "2", "--out", other, "--resume"]);
    expect(seed.stderr).toContain("has seed='1', but this sweep's point 0 has seed='2'");
    const shard = await cli(["sweep", ...FAST, "--shard", "1/2", "--out", other, "--resume"]);
    expect(shard.stderr).toContain("line 3: point 1 is not in shard 1/2");
    expect(readFileSync(other).equals(fastWhole)).toBe(true);
  }, 60_000);

  it("writes nothing more when the sweep is complete", async () => {
    const out = join(tmp(), "complete.csv");
    writeFileSync(out, fastWhole);
    truncateSync(out, fastWhole.length); // unchanged, complete
    const r = await cli(["sweep", ...FAST, "--out", out, "--resume"]);
    expect(r.stdout).toContain("ran 0 points, skipped 8");
    expect(readFileSync(out).equals(fastWhole)).toBe(true);
  });
});
