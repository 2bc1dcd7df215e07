// Realistic inputs for the chart builders: the seed table's four cells (README, results/seed) and
// the committed per-fsync traces of the seed job (results/seed/trace-<device>-<logger>.csv).
import { readFileSync } from "node:fs";
import type { FsyncLatencySeries, FsyncPhaseRow, SeedTableCell } from "../../charts/index.ts";

/** Reference: the patch mail's table (SATA 82 -> 140 KB/s, Fusion 431 -> 2532 KB/s) and fsyncsim's cells. */
export const SEED_CELLS: readonly SeedTableCell[] = [
  { device: "sata-hdd", logger: "truncate-and-copy", simulatedKiBps: 88.311, seedKiBps: 82 },
  { device: "sata-hdd", logger: "modified-extents", simulatedKiBps: 131.178, seedKiBps: 140 },
  { device: "fusion-iodrive", logger: "truncate-and-copy", simulatedKiBps: 430.913, seedKiBps: 431 },
  { device: "fusion-iodrive", logger: "modified-extents", simulatedKiBps: 2532.076, seedKiBps: 2532 },
];

export const DEVICES = ["sata-hdd", "fusion-iodrive"] as const;
export const LOGGERS = ["truncate-and-copy", "modified-extents"] as const;

/** The trace's phase columns, in the order the README lists them. */
const PHASE_COLUMNS = [
  ["cpu", "cpu_us"],
  ["data I/O", "data_io_us"],
  ["log I/O", "log_io_us"],
  ["flush", "flush_us"],
  ["commit wait", "commit_wait_us"],
  ["contention", "contention_us"],
] as const;

/** The rows of a committed trace, as column name to text (the traces hold no quoted fields). */
export function readTrace(device: string, logger: string): Record<string, string>[] {
  const [head = "", ...lines] = readFileSync(`results/seed/trace-${device}-${logger}.csv`, "utf8").trimEnd().split("\n");
  const columns = head.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i] ?? "", v])));
}

/** Every fsync of the four seed runs. */
export function latencySeries(): FsyncLatencySeries[] {
  return DEVICES.flatMap((device) =>
    LOGGERS.map((logger) => ({
      device,
      logger,
      points: readTrace(device, logger).map((r) => ({ timeS: Number(r.time_s), latencyUs: Number(r.latency_us), itemsCopied: Number(r.log_items_copied) })),
    })),
  );
}

/** Mean ms per fsync by phase of the four seed runs. */
export function phaseRows(): FsyncPhaseRow[] {
  return DEVICES.flatMap((device) =>
    LOGGERS.flatMap((logger) => {
      const trace = readTrace(device, logger);
      return PHASE_COLUMNS.map(([phase, column]) => ({ device, logger, phase, meanMs: trace.reduce((sum, r) => sum + Number(r[column]), 0) / trace.length / 1000 }));
    }),
  );
}

/** A sweep's CSV rows: size x btrfs node size on both devices and loggers, throughputs near the seed's. */
export function sweepRows(): Record<string, string>[] {
  const base: Record<string, number> = { "sata-hdd/truncate-and-copy": 88, "sata-hdd/modified-extents": 131, "fusion-iodrive/truncate-and-copy": 431, "fusion-iodrive/modified-extents": 2532 };
  const rows: Record<string, string>[] = [];
  for (const device of DEVICES) {
    for (const logger of LOGGERS) {
      for (const nodesize of ["4096", "16384"]) {
        for (const size of ["10m", "50m", "200m"]) {
          const slower = logger === "truncate-and-copy" ? (50 / Number.parseInt(size)) ** 0.35 : 1;
          const kibps = (base[`${device}/${logger}`] ?? 0) * slower * (nodesize === "16384" ? 0.9 : 1);
          rows.push({ point: String(rows.length), size, "btrfs.nodesizeBytes": nodesize, fs: "btrfs", logger, device, job: "seed", ops: "12800", throughput_kib_per_s: kibps.toFixed(3), seed: "1" });
        }
      }
    }
  }
  return rows;
}
