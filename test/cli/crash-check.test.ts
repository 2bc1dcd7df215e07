// `fsyncsim crash-check` end to end, in-process: the report in each format, the exit status that
// says whether a violation was found, determinism, and one-line refusals of bad input.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { cli } from "./harness.ts";

const small = ["--set", "size=512k", "--points", "200"];

describe("fsyncsim crash-check", () => {
  it("reports no violations for the patched logger, with exit status 0", async () => {
    const r = await cli(["crash-check", ...small]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^crash-check of seed \(seed 1\)\n/);
    expect(r.stdout).toMatch(/sata-hdd\s+modified-extents\s+none\s+127\s+200\s+\d+\s+0\n/);
    expect(r.stdout).toMatch(/no violations: every fsync that returned before a cut was durable in all \d+ recovered states/);
  });

  it("describes the first violation of an injected fault and exits 1", async () => {
    const r = await cli(["crash-check", ...small, "--inject", "early-ack", "--logger", "truncate-and-copy"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/first violation, power cut at \d+\.\d{6} ms\n {2}last request: (write|flush) #\d+.*\n {2}device state: .*\n {2}lost: {9}inode 257 .*fsync .*returned at [\d.]+ ms.*\n/);
  });

  it("writes CSV and JSON with the counts and the first violation, the same on every run", async () => {
    const args = ["crash-check", ...small, "--inject", "skip-flush", "--inject", "drop-log-csums"];
    const csv = await cli([...args, "--format", "csv"]);
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ job: "seed", device: "sata-hdd", logger: "modified-extents", injections: "skip-flush+drop-log-csums", seed: "1", fsyncs: "127", points: "200" });
    expect(Number(rows[0]!.violations)).toBeGreaterThan(0);
    expect(rows[0]!.first_lost).not.toBe("");
    const json = JSON.parse((await cli([...args, "--format", "json"])).stdout);
    expect(json).toMatchObject({ injections: ["skip-flush", "drop-log-csums"], fsyncs: 127, points: 200, violations: Number(rows[0]!.violations) });
    expect(json.firstViolation.lost).toBe(rows[0]!.first_lost);
    expect((await cli([...args, "--format", "csv"])).stdout).toBe(csv.stdout);
  });

  it.each([
    [["--inject", "lose-everything"], /--inject <fault>.*'lose-everything' is invalid.*skip-flush/],
    [["--points", "0"], /--points <n>.*'0' is invalid/],
    [["--states", "65"], /--states <n>.*'65' is invalid/],
    [["--device", "floppy"], /floppy/],
    [["--fs", "raw"], /--fs <kind>.*'raw' is invalid.*btrfs/],
    [["--logger", "modifed-extents"], /--logger: unknown logger 'modifed-extents'; did you mean 'modified-extents'/],
    [["--set", "device.rotationRpm=zero"], /rotationRpm/],
  ])("refuses %j with one line and exit 2", async (bad, message) => {
    const r = await cli(["crash-check", ...small, ...(bad as string[])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("explains itself in --help, with every fault", async () => {
    const r = await cli(["crash-check", "--help"]);
    expect(r.code).toBe(0);
    for (const word of ["--points", "--states", "--inject", "skip-flush", "super-before-log", "drop-log-csums", "early-ack", "Exit status"]) expect(r.stdout).toContain(word);
  });
});
