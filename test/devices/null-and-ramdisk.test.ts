// The two simple models: null completes everything after completionNs, in parallel; the RAM disk
// copies one bio at a time at memory speed and has no cache.
import { describe, expect, it } from "vitest";
import { createDevice } from "../../devices/index.ts";

describe("null device", () => {
  it("completes every command completionNs after submission, in parallel", () => {
    const d = createDevice("null").model;
    expect(d.submit({ op: "write", startSector: 0, sectorCount: 8, fua: false }, 0)).toBe(10_000);
    expect(d.submit({ op: "write", startSector: 8, sectorCount: 8, fua: false }, 0)).toBe(10_000);
    expect(d.capabilities.volatileWriteCache).toBe(false);
  });
});

describe("ramdisk", () => {
  it("copies bios one at a time at copyBytesPerS plus a per-command cost", () => {
    const d = createDevice("ramdisk").model;
    const one = 1_000 + (4096 * 1e9) / 4e9;
    expect(d.submit({ op: "write", startSector: 0, sectorCount: 8, fua: false }, 0)).toBe(Math.round(one));
    expect(d.submit({ op: "write", startSector: 8, sectorCount: 8, fua: false }, 0)).toBe(2 * Math.round(one));
    expect(d.capabilities).toMatchObject({ volatileWriteCache: false, fua: false });
  });
});
