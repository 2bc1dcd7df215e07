// The sweep grid: the documented point order, device.X axes only on devices that have X, the list
// syntax with `\,`, and shards that split the points between machines exactly once each.
import { describe, expect, it } from "vitest";
import { InputError } from "../../lib/index.ts";
import { checkRunTask, inShard, parseShard, splitSweepList, sweepPoints } from "../../run/sweep-grid.ts";
import { readJobFile } from "../../workloads/index.ts";

describe("sweepPoints", () => {
  it("orders points device outermost, then logger, then each swept key in the order given", () => {
    const points = sweepPoints({
      devices: ["null", "ramdisk"],
      loggers: ["truncate-and-copy", "modified-extents"],
      axes: [{ key: "size", values: ["1m", "2m"] }, { key: "bs", values: ["4k", "8k", "16k"] }],
    });
    expect(points).toHaveLength(2 * 2 * 2 * 3);
    expect(points.map((p) => p.index)).toEqual(points.map((_, i) => i));
    const label = (i: number): string => {
      const p = points[i]!;
      return [p.device, p.logger, ...p.values].join(" ");
    };
    expect(label(0)).toBe("null truncate-and-copy 1m 4k");
    expect(label(1)).toBe("null truncate-and-copy 1m 8k");
    expect(label(3)).toBe("null truncate-and-copy 2m 4k");
    expect(label(6)).toBe("null modified-extents 1m 4k");
    expect(label(12)).toBe("ramdisk truncate-and-copy 1m 4k");
    expect(label(23)).toBe("ramdisk modified-extents 2m 16k");
  });

  it("sweeps device.X only on the devices that have X, leaving its value out on the others", () => {
    const points = sweepPoints({
      devices: ["sata-hdd", "fusion-iodrive"],
      loggers: ["modified-extents"],
      axes: [{ key: "device.rotationRpm", values: ["5400", "7200"] }, { key: "size", values: ["1m", "2m"] }],
    });
    expect(points.map((p) => [p.device, ...p.values])).toEqual([
      ["sata-hdd", "5400", "1m"], ["sata-hdd", "5400", "2m"], ["sata-hdd", "7200", "1m"], ["sata-hdd", "7200", "2m"],
      ["fusion-iodrive", undefined, "1m"], ["fusion-iodrive", undefined, "2m"],
    ]);
  });
});

describe("splitSweepList", () => {
  it("splits on commas, with \\, a literal comma and \\\\ a literal backslash", () => {
    expect(splitSweepList("10m,50m,200m")).toEqual(["10m", "50m", "200m"]);
    expect(splitSweepList("4k\\,8k,16k")).toEqual(["4k,8k", "16k"]);
    expect(splitSweepList("a\\\\,b")).toEqual(["a\\", "b"]);
    expect(splitSweepList("a\\b")).toEqual(["a\\b"]);
    expect(splitSweepList("one")).toEqual(["one"]);
  });
});

describe("shards", () => {
  it("parses K/N with 1 <= K <= N and refuses anything else", () => {
    expect(parseShard("2/8")).toEqual({ k: 2, n: 8 });
    for (const bad of ["4/3", "0/3", "3", "a/b", "1/0", "-1/3", "1.5/3"]) expect(() => parseShard(bad)).toThrow(InputError);
  });

  it("gives every point to exactly one of the N shards", () => {
    const n = 3;
    for (let index = 0; index < 20; index++) {
      const owners = [1, 2, 3].filter((k) => inShard(index, { k, n }));
      expect(owners).toEqual([(index % n) + 1]);
    }
    expect(inShard(7, undefined)).toBe(true);
  });
});

describe("checkRunTask", () => {
  const jobs = readJobFile("workloads/jobs/seed.fio", [{ key: "size", value: "1m", where: "--set size=1m" }]).jobs;

  it("accepts a task that runs", () => {
    expect(checkRunTask({ jobs, device: "sata-hdd", fs: "btrfs", logger: "modified-extents", seed: 1 })).toEqual([]);
  });

  it("throws the InputError of a bad device or btrfs value before anything runs", () => {
    const where = "--set device.rotationRpm=99999";
    expect(() => checkRunTask({ jobs, device: "sata-hdd", fs: "btrfs", seed: 1, deviceOverrides: [{ name: "rotationRpm", value: "99999", where }] }))
      .toThrow(expect.objectContaining({ where }));
    expect(() => checkRunTask({ jobs, device: "sata-hdd", fs: "btrfs", seed: 1, fsOverrides: { btrfs: [{ name: "nodesizeBytes", value: "x", where: "w" }] } }))
      .toThrow(InputError);
  });
});
