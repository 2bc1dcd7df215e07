// The crash-point checker end to end: the four loggers keep every fsync's promise at every cut
// and in every explored device state on both 2012 devices, on a scaled-down seed job and on the
// truncate scenario; and each injected fault is caught with a readable first violation.
import { describe, expect, it } from "vitest";
import { crashCheck, type CrashCheckResult, type Injection } from "../../crash/index.ts";
import type { LoggerKind } from "../../btrfs/index.ts";
import type { DeviceKind } from "../../devices/index.ts";
import { readJobFile } from "../../workloads/index.ts";

const LOGGERS: readonly LoggerKind[] = ["truncate-and-copy", "modified-extents", "modified-range", "full-commit"];
const DEVICES: readonly DeviceKind[] = ["sata-hdd", "fusion-iodrive"];

function check(job: string, device: DeviceKind, logger: LoggerKind, opts: { size?: string; points?: number; inject?: Injection[]; device?: Record<string, string> } = {}): CrashCheckResult {
  const overrides = opts.size === undefined ? [] : [{ key: "size", value: opts.size, where: "test" }];
  const { jobs } = readJobFile(`workloads/jobs/${job}.fio`, overrides);
  const deviceOverrides = Object.entries(opts.device ?? {}).map(([name, value]) => ({ name, value, where: "test" }));
  return crashCheck({ jobs, device, fs: "btrfs", logger, seed: 1, points: opts.points ?? 400, randomStates: 2, injections: opts.inject ?? [], deviceOverrides });
}

describe.each(DEVICES)("on %s, no fsynced data is lost", (device) => {
  it.each(LOGGERS)("%s, seed job at 1 MiB", (logger) => {
    const r = check("seed", device, logger, { size: "1m" });
    expect(r.fsyncs).toBe(255);
    expect(r.points).toBe(400);
    // Besides 'all lost', every cut with writes in flight or in a cache explores 3 more states.
    expect(r.states).toBeGreaterThan(r.points);
    expect(r.first).toBeUndefined();
    expect(r.violations).toBe(0);
  });

  it.each(LOGGERS)("%s, the truncate scenario", (logger) => {
    const r = check("truncate-cycles", device, logger, { points: 300 });
    expect(r.fsyncs).toBe(49);
    expect(r.first).toBeUndefined();
    expect(r.violations).toBe(0);
  });
});

describe("injected faults are caught", () => {
  // fusion-iodrive is power-cut safe by default; the early card (powerCutSafe=false) is where
  // cache-ordering faults can show on it.
  const cases: Array<[Injection, DeviceKind | "fusion-iodrive (early card)", RegExp]> = [
    ["skip-flush", "sata-hdd", /does not mount|promised|checksum/],
    ["skip-flush", "fusion-iodrive (early card)", /does not mount|promised|checksum/],
    ["super-before-log", "sata-hdd", /does not mount|promised|checksum/],
    ["super-before-log", "fusion-iodrive (early card)", /does not mount|promised|checksum/],
    ["drop-log-csums", "sata-hdd", /no checksum/],
    ["drop-log-csums", "fusion-iodrive", /no checksum/],
    ["early-ack", "sata-hdd", /promised/],
    ["early-ack", "fusion-iodrive", /promised/],
  ];
  it.each(cases)("%s on %s", (fault, device, lost) => {
    const early = device === "fusion-iodrive (early card)";
    const r = check("seed", early ? "fusion-iodrive" : device, "modified-extents", { size: "1m", inject: [fault], device: early ? { powerCutSafe: "false" } : {} });
    expect(r.violations).toBeGreaterThan(0);
    const first = r.first!;
    expect(first.what).toMatch(lost);
    expect(first.lastRequest).toMatch(/^(write|flush) #\d+/);
    expect(first.state).toMatch(/unstable write/);
    expect(first.cutNs).toBeGreaterThan(0);
  });

  it("on a power-cut-safe card that completes commands in order, the two ordering faults lose nothing (every request boundary)", () => {
    for (const fault of ["skip-flush", "super-before-log"] as const) {
      const r = check("seed", "fusion-iodrive", "modified-extents", { size: "1m", points: 100_000, inject: [fault] });
      expect(r.points).toBeGreaterThan(3000);
      expect(r.violations).toBe(0);
    }
  });

  it("an early card without power-cut protection keeps every promise when nothing is injected", () => {
    expect(check("seed", "fusion-iodrive", "truncate-and-copy", { size: "1m", device: { powerCutSafe: "false" } }).violations).toBe(0);
  });

  it("the checksum fault is caught before the patch too (truncate-and-copy logs csums as well)", () => {
    expect(check("seed", "sata-hdd", "truncate-and-copy", { size: "1m", inject: ["drop-log-csums"] }).first?.what).toMatch(/no checksum/);
  });
});

describe("determinism", () => {
  it("gives the same result for the same seed", () => {
    const a = check("seed", "sata-hdd", "modified-extents", { size: "512k", points: 100, inject: ["skip-flush"] });
    const b = check("seed", "sata-hdd", "modified-extents", { size: "512k", points: 100, inject: ["skip-flush"] });
    expect({ ...a, run: undefined }).toEqual({ ...b, run: undefined });
  });
});
