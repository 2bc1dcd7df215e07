// The committed outputs are what the code produces now: a change to the model that moves a number
// must regenerate them (npm run reference; npm run docs), or this fails. It compares the data a
// reproduction writes (CSV, JSON, the Vega-Lite specs, the text table, the traces) byte for byte;
// the images, the page and the vendored scripts are drawn from those data and are not compared.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderParameterDocs } from "../../cli/format/parameter-docs.ts";
import { cli } from "../cli/harness.ts";

/** The reproduction's data files: what the model computed, as opposed to what is drawn from it. */
const DATA_FILE = /\.(csv|json|txt)$/;

describe("committed outputs", () => {
  it("results/seed/ holds exactly the data `fsyncsim reproduce --out` writes now", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fsyncsim-seed-"));
    const r = await cli(["reproduce", "--out", dir, "--format", "csv", "--workers", "1"]);
    expect(r.code).toBe(0);
    const files = readdirSync("results/seed").sort();
    expect(readdirSync(dir).sort()).toEqual(files);
    const data = files.filter((f) => DATA_FILE.test(f));
    expect(data).toHaveLength(10); // reproduce.csv, .json, .txt; four traces; three chart specs
    for (const f of data) expect(readFileSync(join(dir, f), "utf8"), f).toBe(readFileSync(join("results/seed", f), "utf8"));
  }, 120_000);

  for (const device of ["sata-hdd", "fusion-iodrive"]) {
    it(`results/reference/raw-baseline matches a fresh raw run on ${device}`, async () => {
      const r = await cli(["run", "--fs", "raw", "--device", device, "--format", "csv"]);
      expect(r.stdout).toBe(readFileSync(`results/reference/raw-baseline/seed-raw-${device}.csv`, "utf8"));
      const fresh = await cli(["run", "--fs", "raw", "--device", device, "--format", "json"]);
      expect(fresh.stdout).toBe(readFileSync(`results/reference/raw-baseline/seed-raw-${device}.json`, "utf8"));
    });
  }

  it("docs/parameters.md is generated from the current parameter tables", () => {
    expect(readFileSync("docs/parameters.md", "utf8")).toBe(renderParameterDocs());
  });
});
