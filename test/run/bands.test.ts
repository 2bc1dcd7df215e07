// The uncertainty bands' sampling: a parameter's value at a point of its range, the parameters the
// bands vary (only those with a documented range), and samples that give every run on one device
// and every filesystem group the same draw.
import { describe, expect, it } from "vitest";
import type { ParamSpec } from "../../lib/index.ts";
import { band, bandSamples, uncertainParams, valueAt, type UncertainParam } from "../../run/index.ts";

const num: ParamSpec = { kind: "number", default: 5, min: 0, max: 100, help: "", source: "", status: "unconfirmed", uncertainty: { low: 2, high: 10, why: "" } };
const int: ParamSpec = { ...num, integer: true } as ParamSpec;
const choice: ParamSpec = { kind: "choice", choices: ["a", "b", "c"], default: "a", help: "", source: "", status: "unconfirmed", uncertainty: { values: ["a", "c"], why: "" } };
const flag: ParamSpec = { kind: "boolean", default: false, help: "", source: "", status: "unconfirmed", uncertainty: { values: [false, true], why: "" } };

describe("uncertainty bands", () => {
  it("map a point of [0, 1) onto a parameter's range", () => {
    expect(valueAt(num, 0)).toBe("2");
    expect(valueAt(num, 0.5)).toBe("6");
    expect(valueAt(int, 0.31)).toBe("4");
    expect(valueAt(choice, 0.49)).toBe("a");
    expect(valueAt(choice, 0.5)).toBe("c");
    expect(valueAt(flag, 0.99)).toBe("true");
  });

  it("vary only parameters with a documented range", () => {
    for (const p of uncertainParams(["sata-hdd", "fusion-iodrive"], ["btrfs", "raw"])) {
      expect(p.spec.uncertainty, `${p.group}.${p.name}`).toBeDefined();
      if (p.group === "device") expect(p.device).toBeDefined();
    }
  });

  it("give each device its own parameters and every run the same filesystem draw", () => {
    const params: UncertainParam[] = [
      { group: "device", name: "x", spec: num, device: "sata-hdd" },
      { group: "device", name: "y", spec: num, device: "fusion-iodrive" },
      { group: "cpu", name: "z", spec: num },
    ];
    const samples = bandSamples(params, 4, "t");
    expect(samples).toHaveLength(4);
    for (const s of samples) {
      expect(s.device("sata-hdd").map((o) => o.name)).toEqual(["x"]);
      expect(s.device("fusion-iodrive").map((o) => o.name)).toEqual(["y"]);
      expect(s.device("ramdisk")).toEqual([]);
      expect(s.fs.cpu?.map((o) => o.name)).toEqual(["z"]);
    }
    expect(new Set(samples.map((s) => s.fs.cpu?.[0]?.value)).size).toBe(4);
    expect(band([3, 1, 2])).toEqual({ low: 1, high: 3 });
  });
});
