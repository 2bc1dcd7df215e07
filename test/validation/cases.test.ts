// The published measurements: every case names a job file that reads, a registered device, a unit
// the table defines, and a unique id; the calibration's declaration names only existing cases; and
// a case is fitted exactly when a declared fit used it.
import { describe, expect, it } from "vitest";
import { isDeviceKind } from "../../devices/index.ts";
import { packagePath } from "../../lib/index.ts";
import { FITTED, UNITS, VALIDATION_CASES, caseStatus } from "../../validation/cases.ts";
import { readJobFile } from "../../workloads/index.ts";

describe("validation cases", () => {
  it("have unique ids, registered devices, known units and job files that read", () => {
    const ids = VALIDATION_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of VALIDATION_CASES) {
      expect(isDeviceKind(c.device), c.id).toBe(true);
      expect(Object.keys(UNITS), c.id).toContain(c.unit);
      expect(readJobFile(packagePath(c.job)).jobs.length, c.id).toBeGreaterThan(0);
      expect(c.measured, c.id).toBeGreaterThan(0);
    }
  });

  it("hold the seed's table and Liu Bo's, as published", () => {
    const measured = Object.fromEntries(VALIDATION_CASES.map((c) => [c.id, `${c.measured} ${c.unit}`]));
    // Reference: 5dc562c's commit message (82 -> 140 KB/s, 431 -> 2532 KB/s); 4e2f84e's (1.5 / 1.5 / 10.7 MB/s; 104 / 109 / 121 KB/s).
    expect(measured).toEqual({
      "seed-sata-before": "82 KiB/s (fio KB/s)",
      "seed-sata-patched": "140 KiB/s (fio KB/s)",
      "seed-fusion-before": "431 KiB/s (fio KB/s)",
      "seed-fusion-patched": "2532 KiB/s (fio KB/s)",
      "dd-ramdisk-before": "1.5 MB/s (dd)",
      "dd-ramdisk-5dc562c": "1.5 MB/s (dd)",
      "dd-ramdisk-4e2f84e": "10.7 MB/s (dd)",
      "dd-sata-before": "104 kB/s (dd)",
      "dd-sata-5dc562c": "109 kB/s (dd)",
      "dd-sata-4e2f84e": "121 kB/s (dd)",
    });
  });

  it("are fitted exactly when a declared fit used them", () => {
    const used = new Set(FITTED.flatMap((f) => f.cases));
    for (const id of used) expect(VALIDATION_CASES.map((c) => c.id)).toContain(id);
    for (const c of VALIDATION_CASES) expect(caseStatus(c.id), c.id).toBe(used.has(c.id) ? "fitted" : "predicted");
    expect(caseStatus("dd-ramdisk-4e2f84e")).toBe("predicted");
  });
});
