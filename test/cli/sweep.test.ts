// `fsyncsim sweep`: a file that does not depend on the number of workers, rows that are the runs'
// own CSV rows, and bad input refused in one line with exit status 2 before any file is written.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MSG } from "../../lib/index.ts";
import { RUN_COLUMNS } from "../../cli/format/run-summary.ts";
import { csvFields } from "../../cli/sweep/sweep-csv.ts";
import { cli } from "./harness.ts";

const GRID = ["--device", "null,ramdisk", "--logger", "truncate-and-copy,modified-extents", "--set", "size=256k,512k"];
const tmp = (): string => mkdtempSync(join(tmpdir(), "fsyncsim-sweep-"));

describe("fsyncsim sweep", () => {
  it("writes the same bytes with 1 worker and with 2", async () => {
    const dir = tmp();
    const serial = await cli(["sweep", ...GRID, "--workers", "1", "--out", join(dir, "serial.csv")]);
    const parallel = await cli(["sweep", ...GRID, "--workers", "2", "--out", join(dir, "parallel.csv")]);
    expect(serial.code).toBe(0);
    expect(parallel.code).toBe(0);
    const a = readFileSync(join(dir, "serial.csv"));
    expect(a.equals(readFileSync(join(dir, "parallel.csv")))).toBe(true);
    expect(a.toString().trim().split("\n")).toHaveLength(1 + 8);
  }, 60_000);

  it("writes point, the swept keys and the run columns; each row is that point's `run --format csv` row", async () => {
    const dir = tmp();
    const out = join(dir, "s.csv");
    const r = await cli(["sweep", ...GRID, "--set", "fsync=2", "--workers", "1", "--out", out]);
    expect(r.stdout).toBe(`sweep: ran 8 points, skipped 0 already done; ${out} holds 8 of the 8 points\n`);
    const [header, ...rows] = readFileSync(out, "utf8").trim().split("\n");
    expect(csvFields(header!)).toEqual(["point", "size", ...RUN_COLUMNS]);
    // Point 5: ramdisk (second device), truncate-and-copy (first logger), size=512k (second value).
    const fields = csvFields(rows[5]!);
    expect(fields.slice(0, 2)).toEqual(["5", "512k"]);
    const run = await cli(["run", "--device", "ramdisk", "--logger", "truncate-and-copy", "--set", "size=512k", "--set", "fsync=2", "--format", "csv"]);
    expect(fields.slice(2).join(",")).toBe(run.stdout.trim().split("\n")[1]);
  }, 60_000);

  it("takes \\, as a comma inside a value, and quotes it in the CSV", async () => {
    const out = join(tmp(), "bs.csv");
    const r = await cli(["sweep", "--device", "null", "--set", "size=256k", "--set", "bs=4k\\,8k,16k", "--workers", "1", "--out", out]);
    expect(r.code).toBe(0);
    const rows = readFileSync(out, "utf8").trim().split("\n").slice(1).map(csvFields);
    expect(rows.map((f) => f[1])).toEqual(["4k,8k", "16k"]);
    expect(readFileSync(out, "utf8")).toContain('0,"4k,8k",');
  }, 60_000);

  it("leaves the column of a device.X empty on the devices without X", async () => {
    const out = join(tmp(), "rpm.csv");
    const r = await cli(["sweep", "--device", "sata-hdd,null", "--set", "size=256k", "--set", "device.rotationRpm=5400,7200", "--workers", "1", "--out", out]);
    expect(r.code).toBe(0);
    const rows = readFileSync(out, "utf8").trim().split("\n").slice(1).map(csvFields);
    expect(rows.map((f) => `${f[0]} ${f[1]} ${f[4]}`)).toEqual(["0 5400 sata-hdd", "1 7200 sata-hdd", "2  null"]);
  }, 60_000);

  describe("refuses bad input in one line, exit status 2, writing nothing", () => {
    const cases: Array<[string, string[], string]> = [
      ["an unknown device in the list", ["--device", "null,sata-hd"], "--device: unknown device 'sata-hd'"],
      ["a bad value in a swept --set", ["--set", "size=1m,2x,3m"], "--set size=2x: option 'size'"],
      ["a bad device value for one device", ["--device", "sata-hdd", "--set", "device.rotationRpm=5400,99"], "--set device.rotationRpm=99: "],
      ["a device.X no chosen device has", ["--device", "null,ramdisk", "--set", "device.rotationRpm=5400,7200"], "--set device.rotationRpm=5400,7200: none of the devices"],
      ["--shard 4/3", ["--shard", "4/3"], "--shard 4/3: "],
      ["a key set twice", ["--set", "size=1m,2m", "--set", "size=3m"], "--set size=3m: 'size' is set twice"],
    ];
    for (const [what, args, start] of cases) {
      it(what, async () => {
        const out = join(tmp(), "never.csv");
        const r = await cli(["sweep", ...args, "--out", out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^fsyncsim: error: [^\n]*\n$/);
        expect(r.stderr).toContain(`fsyncsim: error: ${start}`);
        expect(existsSync(out)).toBe(false);
      });
    }

    it("an existing --out without --resume, which stays as it was", async () => {
      const out = join(tmp(), "existing.csv");
      writeFileSync(out, "precious\n");
      const r = await cli(["sweep", "--device", "null", "--set", "size=256k", "--out", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`fsyncsim: error: --out ${out}: ${MSG.sweepOutExists()}\n`);
      expect(readFileSync(out, "utf8")).toBe("precious\n");
    });
  });
});
