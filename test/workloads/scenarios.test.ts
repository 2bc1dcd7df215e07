// Every scenario job in workloads/jobs/ runs on every device and every logger (shrunk to a short
// run here; full-size figures are in the README and the closing notes), and each opens with the
// comment that says what it shows and what to expect.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEVICE_KINDS } from "../../devices/index.ts";
import { LOGGER_KINDS, type LoggerKind } from "../../btrfs/index.ts";
import { runJob } from "../../run/index.ts";
import { readJobFile } from "../../workloads/index.ts";

const SCENARIOS = readdirSync("workloads/jobs").filter((f) => f.endsWith(".fio")).sort();
const shrink = [
  { key: "size", value: "2m", where: "--set size=2m" },
  { key: "runtime", value: "1", where: "--set runtime=1" },
];

describe("scenario jobs", () => {
  it("are the six the project ships", () => {
    expect(SCENARIOS).toEqual(["db-wal.fio", "dd-oflag-sync.fio", "seed-cow.fio", "seed.fio", "truncate-cycles.fio", "vm-image.fio"]);
  });

  for (const file of SCENARIOS) {
    it(`${file} opens with what it shows and what to expect`, () => {
      const head = readFileSync(`workloads/jobs/${file}`, "utf8").split("\n").filter((l) => l.startsWith(";"));
      expect(head.length).toBeGreaterThanOrEqual(4);
      expect(head.join("\n")).toMatch(/Expect/);
    });

    it(`${file} runs on every device with every logger`, { timeout: 120_000 }, () => {
      const { jobs } = readJobFile(`workloads/jobs/${file}`, shrink);
      for (const device of DEVICE_KINDS) {
        for (const logger of LOGGER_KINDS) {
          const r = runJob({ jobs, device, fs: "btrfs", logger, seed: 1 });
          expect(r.writes, `${file} ${device} ${logger}`).toBeGreaterThan(0);
          expect(r.runtimeNs).toBeGreaterThan(0);
          if (logger === "full-commit") expect(r.fsyncPaths.fast + r.fsyncPaths.full).toBe(0);
        }
      }
    });
  }

  it("truncate-cycles.fio: every fsync takes the slow path, with either logger", () => {
    const { jobs } = readJobFile("workloads/jobs/truncate-cycles.fio");
    for (const logger of ["truncate-and-copy", "modified-extents"] as const) {
      const r = runJob({ jobs, device: "fusion-iodrive", fs: "btrfs", logger, seed: 1 });
      expect(r.fsyncPaths).toEqual({ fast: 0, full: 49, commit: 0, none: 0 });
    }
  });

  it("dd-oflag-sync.fio: the committed patch re-logs the merged map, so it is no faster than before it; 3.7's modified range is", { timeout: 60_000 }, () => {
    const { jobs } = readJobFile("workloads/jobs/dd-oflag-sync.fio");
    const kib = (logger: LoggerKind): number => {
      const r = runJob({ jobs, device: "fusion-iodrive", fs: "btrfs", logger, seed: 1 });
      return r.bytesWritten / 1024 / (r.runtimeNs / 1e9);
    };
    const [before, patched, linux37, notreelog] = [kib("truncate-and-copy"), kib("modified-extents"), kib("modified-range"), kib("full-commit")];
    expect(patched).toBeLessThan(before);
    expect(notreelog).toBeGreaterThan(2 * before);
    expect(linux37).toBeGreaterThan(3 * patched);
    expect(linux37).toBeGreaterThan(notreelog);
  });
});
