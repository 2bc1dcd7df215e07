// How the reproduction stands against the seed's table, cell by cell, with a stated tolerance for
// each: the two Fusion-io cells are solved to (cpu.costScaleRatio and cpu.fsyncFixedUs,
// docs/calibration.md), so they must stay at the fit; the two SATA cells and the SATA speedup are
// held to the tolerance the model claims for them. Each line names the cell's status as
// validation/cases.ts declares it (fitted or predicted). It reads results/seed/reproduce.csv,
// which test/results/reference.test.ts holds to what the code produces now.
// Reference: "Btrfs: turbo charge fsync" (5dc562c): SATA 82 -> 140 KB/s, Fusion-io 431 -> 2532 KB/s
// (fio's KB/s = KiB/s; docs/sources.md §B0, §B5.2).
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { SEED_TABLE, seedCase } from "../../run/index.ts";
import { caseStatus } from "../../validation/cases.ts";

interface Claim {
  readonly device: "sata-hdd" | "fusion-iodrive";
  readonly logger: "truncate-and-copy" | "modified-extents";
  readonly seedKiBps: number;
  /** How far the simulated throughput may be from the seed's, in percent of the seed's. */
  readonly tolerancePct: number;
}

const CELLS: readonly Claim[] = [
  { device: "sata-hdd", logger: "truncate-and-copy", seedKiBps: 82, tolerancePct: 10 },
  { device: "sata-hdd", logger: "modified-extents", seedKiBps: 140, tolerancePct: 10 },
  { device: "fusion-iodrive", logger: "truncate-and-copy", seedKiBps: 431, tolerancePct: 1 },
  { device: "fusion-iodrive", logger: "modified-extents", seedKiBps: 2532, tolerancePct: 1 },
];

/** The patch's speedup per device: a prediction on the SATA disk, fitted on the flash card (both its cells are). */
const SPEEDUPS = [
  { device: "sata-hdd", seed: 140 / 82, tolerancePct: 15 },
  { device: "fusion-iodrive", seed: 2532 / 431, tolerancePct: 1, role: "fitted (both cells)" },
] as const;

type Row = Record<string, string>;
const rows = parse(readFileSync("results/seed/reproduce.csv", "utf8"), { columns: true }) as Row[];
const row = (device: string, logger: string): Row => {
  const r = rows.find((x) => x.device === device && x.logger === logger);
  if (r === undefined) throw new Error(`results/seed/reproduce.csv has no ${device} ${logger} row`);
  return r;
};
const pct = (simulated: number, seed: number): number => ((simulated - seed) / seed) * 100;

describe("the reproduction against the seed's table", () => {
  it("uses the patch's numbers", () => {
    for (const c of CELLS) expect(SEED_TABLE[c.device][c.logger], `${c.device} ${c.logger}`).toBe(c.seedKiBps);
  });

  it("has each cell within its stated tolerance", () => {
    const lines = CELLS.map((c) => {
      const simulated = Number(row(c.device, c.logger).simulated_kib_per_s);
      const error = pct(simulated, c.seedKiBps);
      return { ...c, simulated, error, holds: Math.abs(error) <= c.tolerancePct, role: caseStatus(seedCase(c.device, c.logger).id) };
    });
    const table = lines.map((l) => `${l.device} ${l.logger}: ${l.simulated} KiB/s against ${l.seedKiBps} (${l.error.toFixed(1)} %, tolerance ±${l.tolerancePct} %, ${l.role})${l.holds ? "" : "  <- outside"}`);
    expect(lines.every((l) => l.holds), table.join("\n")).toBe(true);
  });

  it("has each device's speedup within its stated tolerance", () => {
    const lines = SPEEDUPS.map((s) => {
      const simulated = Number(row(s.device, "modified-extents").simulated_speedup);
      const error = pct(simulated, s.seed);
      const role = caseStatus(seedCase(s.device, "modified-extents").id) === "fitted" || caseStatus(seedCase(s.device, "truncate-and-copy").id) === "fitted" ? "fitted" : "predicted";
      return { ...s, simulated, error, holds: Math.abs(error) <= s.tolerancePct, role };
    });
    const table = lines.map((l) => `${l.device}: ${l.simulated}x against ${l.seed.toFixed(3)}x (${l.error.toFixed(1)} %, tolerance ±${l.tolerancePct} %, ${l.role})${l.holds ? "" : "  <- outside"}`);
    expect(lines.every((l) => l.holds), table.join("\n")).toBe(true);
  });
});
