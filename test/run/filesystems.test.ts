// The filesystem registry: each kind's spec, its loggers checked against the ones it offers,
// overrides routed to the spec's own parameter groups (another filesystem's are checked and
// warned about, not dropped), and the crash checker's support list agreeing with the specs.
import { describe, expect, it } from "vitest";
import { BlockDevice } from "../../block/index.ts";
import { CRASH_SUPPORT } from "../../crash/index.ts";
import { createDevice } from "../../devices/index.ts";
import { MSG } from "../../lib/index.ts";
import { ALL_LOGGERS, FILESYSTEMS, FS_KINDS, buildFilesystem, fsLogger, fsParamGroups, loggerSpec } from "../../run/index.ts";
import { Environment } from "../../sim/index.ts";
import { readJobFile } from "../../workloads/index.ts";
import { errorOf } from "../helpers/input-error.ts";

const jobs = readJobFile("workloads/jobs/seed.fio", [{ key: "size", value: "1m", where: "test" }]).jobs;
const build = (fs: "raw" | "btrfs", overrides: Record<string, Array<{ name: string; value: string; where: string }>>, logger?: string) => {
  const env = new Environment();
  return buildFilesystem(env, new BlockDevice(env, createDevice("null").model), jobs, { fs, logger, overrides });
};

describe("the filesystem registry", () => {
  it("names each spec by its key, with a default logger among its loggers (or none)", () => {
    for (const kind of FS_KINDS) {
      const spec = FILESYSTEMS[kind];
      expect(spec.name).toBe(kind);
      if (spec.loggers.length === 0) expect(spec.defaultLogger).toBeUndefined();
      else expect(spec.loggers.map((l) => l.name)).toContain(spec.defaultLogger);
    }
  });

  it("checks a logger against the filesystem's own, with a suggestion", () => {
    expect(fsLogger("btrfs", undefined)).toBe("modified-extents");
    expect(fsLogger("btrfs", "truncate-and-copy")).toBe("truncate-and-copy");
    expect(fsLogger("raw", "truncate-and-copy")).toBeUndefined();
    const e = errorOf(() => fsLogger("btrfs", "modifed-extents"));
    expect(e.line).toBe(`--logger: ${MSG.unknownLogger("modifed-extents", "modified-extents", ["truncate-and-copy", "modified-extents", "modified-range", "full-commit"])}`);
  });

  it("labels and colours every logger", () => {
    expect(loggerSpec("truncate-and-copy")?.label).toBe("before the patch");
    expect(loggerSpec("modified-extents")?.color).toBe("#4c78a8");
    expect(loggerSpec("modified-range")?.label).toBe("Linux 3.7 (4e2f84e)");
    const colours = ALL_LOGGERS.map((l) => l.color);
    expect(new Set(colours).size).toBe(colours.length);
    expect(loggerSpec("no-such-logger")).toBeUndefined();
  });

  it("routes overrides to the filesystem's groups and reports them in force", () => {
    const built = build("btrfs", { btrfs: [{ name: "nodesizeBytes", value: "16384", where: "test" }] });
    expect(built.params.btrfs?.nodesizeBytes).toBe(16384);
    expect(Object.keys(built.params)).toEqual(["btrfs", "cpu"]);
    expect(built.logger).toBe("modified-extents");
    expect(built.warnings).toEqual([]);
  });

  it("checks another filesystem's overrides and warns that they do nothing", () => {
    const built = build("raw", { btrfs: [{ name: "nodesizeBytes", value: "16384", where: "test" }] });
    expect(built.params).toEqual({});
    expect(built.logger).toBeUndefined();
    expect(built.warnings).toEqual([MSG.fsIgnoresParams("btrfs", "raw")]);
    const e = errorOf(() => build("raw", { btrfs: [{ name: "nodesizeBytes", value: "big", where: "--set btrfs.nodesizeBytes=big" }] }));
    expect(e.where).toBe("--set btrfs.nodesizeBytes=big");
  });

  it("knows every group's table once, under its prefix", () => {
    expect([...fsParamGroups().keys()]).toEqual(["btrfs", "cpu"]);
  });

  it("agrees with the crash checker on which filesystems it can recover", () => {
    const specs = FS_KINDS.filter((k) => FILESYSTEMS[k].crashCheck);
    expect(Object.keys(CRASH_SUPPORT).sort()).toEqual([...specs].sort());
  });
});
