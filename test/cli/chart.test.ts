// `fsyncsim chart` draws a sweep's CSV; bad input is refused in one line.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./harness.ts";

describe("fsyncsim chart", () => {
  it("draws throughput and speedup from a real sweep", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "fsyncsim-chart-"));
    const csv = join(dir, "sizes.csv");
    const s = await cli(["sweep", "--device", "fusion-iodrive", "--logger", "truncate-and-copy,modified-extents", "--set", "size=256k,512k,1m", "--out", csv, "--workers", "1"]);
    expect(s.code, s.stderr).toBe(0);
    const r = await cli(["chart", csv]);
    expect(r.code, r.stderr).toBe(0);
    for (const name of ["sizes-throughput", "sizes-speedup"]) {
      for (const ext of [".vl.json", ".svg", ".png"]) expect(existsSync(join(dir, name + ext)), name + ext).toBe(true);
    }
    expect(readFileSync(join(dir, "sizes-throughput.svg"), "utf8")).toContain("DejaVu Sans");
    expect(JSON.parse(readFileSync(join(dir, "sizes-speedup.vl.json"), "utf8")).$schema).toMatch(/vega-lite/);
  });

  it("refuses a CSV that is not a sweep, and an unknown --x, in one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fsyncsim-chart-"));
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "a,b\n1,2\n");
    const r = await cli(["chart", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fsyncsim: error: .*bad\.csv: not a sweep CSV/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
