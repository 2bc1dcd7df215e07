// The committed outputs are what the code produces now: a change to the model that moves a number
// must regenerate them (npm run reference; npm run docs), or this fails.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderParameterDocs } from "../../cli/format/parameter-docs.ts";
import { cli } from "../cli/harness.ts";

describe("committed outputs", () => {
  it("results/seed/ is exactly what `fsyncsim reproduce --out` writes now", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fsyncsim-seed-"));
    const r = await cli(["reproduce", "--out", dir, "--format", "csv", "--workers", "1"]);
    expect(r.code).toBe(0);
    const files = readdirSync("results/seed").sort();
    expect(readdirSync(dir).sort()).toEqual(files);
    for (const f of files) {
      const fresh = readFileSync(join(dir, f));
      const committed = readFileSync(join("results/seed", f));
      // Text files compare as text (a readable diff); charts' PNGs byte for byte.
      if (f.endsWith(".png")) expect(fresh.equals(committed), f).toBe(true);
      else expect(fresh.toString("utf8"), f).toBe(committed.toString("utf8"));
    }
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
