// The committed reference results and generated docs are what the code produces now: a change to
// the model that moves a number must regenerate them (npm run reference; npm run docs).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderDeviceDocs } from "../../cli/format/device-docs.ts";
import { cli } from "../cli/harness.ts";

describe("committed outputs", () => {
  for (const device of ["sata-hdd", "fusion-iodrive"]) {
    it(`results/reference/raw-baseline matches a fresh raw run on ${device}`, async () => {
      const r = await cli(["run", "--fs", "raw", "--device", device, "--format", "csv"]);
      expect(r.stdout).toBe(readFileSync(`results/reference/raw-baseline/seed-raw-${device}.csv`, "utf8"));
      const fresh = await cli(["run", "--fs", "raw", "--device", device, "--format", "json"]);
      const committed = readFileSync(`results/reference/raw-baseline/seed-raw-${device}.json`, "utf8");
      expect(fresh.stdout.replace(/"jobFile": ".*"/, "")).toBe(committed.replace(/"jobFile": ".*"/, ""));
    });
  }

  it("docs/devices.md is generated from the current parameter tables", () => {
    expect(readFileSync("docs/devices.md", "utf8")).toBe(renderDeviceDocs());
  });
});
