// `fsyncsim validate`: one case end to end in each format, its status beside its error, the summary
// counting predicted cases only, and a misspelt case refused in one line.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { validateTable } from "../../cli/commands/validate.ts";
import { VALIDATION_CASES } from "../../validation/cases.ts";
import { cli } from "./harness.ts";

describe("fsyncsim validate", () => {
  it("runs a case and prints it in its unit with its status", async () => {
    const r = await cli(["validate", "--case", "seed-fusion-patched", "--samples", "0", "--workers", "1", "--format", "csv"]);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ case: "seed-fusion-patched", device: "fusion-iodrive", logger: "modified-extents", unit: "KiB/s (fio KB/s)", measured: "2532", status: "fitted" });
    expect(Math.abs(Number(rows[0]?.error_pct))).toBeLessThan(1);
  }, 60_000);

  it("counts only predicted cases in its summary", () => {
    const c = (id: string) => VALIDATION_CASES.find((x) => x.id === id)!;
    const text = validateTable([
      { case: c("seed-fusion-patched"), status: "fitted", simulated: 2532, errorPct: 0, error: undefined, result: undefined, band: undefined },
      { case: c("dd-ramdisk-before"), status: "predicted", simulated: 1.2, errorPct: -20, error: undefined, result: undefined, band: undefined },
      { case: c("dd-sata-before"), status: "predicted", simulated: 50, errorPct: -51.9, error: undefined, result: undefined, band: undefined },
    ]);
    expect(text).toMatch(/predicted: 2 case\(s\), 1 within ±25 % of the measurement/);
    expect(text).toMatch(/fitted: 1 case\(s\)/);
    expect(text).toMatch(/seed-fusion-patched .*\+0\.0 %  fitted\n/);
  });

  it("refuses an unknown case in one line, with a suggestion", async () => {
    const r = await cli(["validate", "--case", "seed-sata-befor"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/--case seed-sata-befor: no validation case 'seed-sata-befor'; did you mean 'seed-sata-before'\?/);
  });
});
