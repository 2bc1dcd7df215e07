// The reproduction table: the four cells beside the seed's numbers, and each device's speedup.
import type { ReproduceCell, ReproduceSpeedup } from "../../run/index.ts";
import { toCsv } from "./csv.ts";
import { runSummary } from "./run-summary.ts";
import { fixed } from "./units.ts";

export const REPRODUCE_COLUMNS = [
  "device", "logger", "simulated_kib_per_s", "seed_kib_per_s", "error_pct",
  "simulated_speedup", "seed_speedup", "speedup_error_pct",
  "fsyncs", "simulated_runtime_s", "fsync_lat_p50_us", "fsync_lat_p99_us", "fsyncs_fast", "fsyncs_full", "fsyncs_commit",
  "fsync_cpu_us", "fsync_data_io_us", "fsync_log_io_us", "fsync_flush_us", "fsync_commit_wait_us",
  "log_items_per_fsync", "log_blocks_per_fsync", "device_writes", "device_flushes", "commits",
  "status", "speedup_status",
] as const;

type Row = Record<(typeof REPRODUCE_COLUMNS)[number], string>;

export function reproduceRows(cells: readonly ReproduceCell[], speedups: readonly ReproduceSpeedup[]): Row[] {
  return cells.map((c) => {
    const r = c.result;
    const run = runSummary(r);
    const s = speedups.find((x) => x.device === c.device) as ReproduceSpeedup;
    const perFsync = (x: number): string => fixed(r.fsyncs > 0 ? x / r.fsyncs : 0, 3);
    return {
      device: c.device,
      logger: c.logger,
      simulated_kib_per_s: fixed(c.simulatedKiBps, 3),
      seed_kib_per_s: String(c.seedKiBps),
      error_pct: fixed(c.errorPct, 2),
      simulated_speedup: fixed(s.simulated, 3),
      seed_speedup: fixed(s.seed, 3),
      speedup_error_pct: fixed(s.errorPct, 2),
      fsyncs: run.fsyncs,
      simulated_runtime_s: run.simulated_runtime_s,
      fsync_lat_p50_us: run.fsync_lat_p50_us,
      fsync_lat_p99_us: run.fsync_lat_p99_us,
      fsyncs_fast: run.fsyncs_fast,
      fsyncs_full: run.fsyncs_full,
      fsyncs_commit: run.fsyncs_commit,
      fsync_cpu_us: run.fsync_cpu_us,
      fsync_data_io_us: run.fsync_data_io_us,
      fsync_log_io_us: run.fsync_log_io_us,
      fsync_flush_us: run.fsync_flush_us,
      fsync_commit_wait_us: run.fsync_commit_wait_us,
      log_items_per_fsync: perFsync(r.modelStats.logItemsCopied ?? 0),
      log_blocks_per_fsync: perFsync(r.modelStats.logBlocksWritten ?? 0),
      device_writes: run.device_writes,
      device_flushes: run.device_flushes,
      commits: String(r.modelStats.commits ?? 0),
      status: c.status,
      speedup_status: s.status,
    };
  });
}

export function reproduceCsv(cells: readonly ReproduceCell[], speedups: readonly ReproduceSpeedup[]): string {
  return toCsv(REPRODUCE_COLUMNS, reproduceRows(cells, speedups));
}

const pct = (x: number): string => `${x >= 0 ? "+" : ""}${fixed(x, 1)} %`;

export function reproduceTable(cells: readonly ReproduceCell[], speedups: readonly ReproduceSpeedup[]): string {
  const lines = [
    'Reproducing "Btrfs: turbo charge fsync" (Linux 3.7): the seed job, one parameter set for all cells',
    "",
    `${"device".padEnd(16)}${"logger".padEnd(20)}${"simulated KiB/s".padStart(16)}${"seed KiB/s".padStart(12)}${"error".padStart(10)}  ${"status".padEnd(10)}  fsync time: cpu / data / log / flush / commit (ms, mean)`,
  ];
  for (const c of cells) {
    const r = c.result;
    const b = r.fsyncBreakdownNs;
    const ms = (ns: number): string => fixed(r.fsyncs > 0 ? ns / r.fsyncs / 1e6 : 0, 2);
    lines.push(
      `${c.device.padEnd(16)}${c.logger.padEnd(20)}${fixed(c.simulatedKiBps, 1).padStart(16)}${String(c.seedKiBps).padStart(12)}${pct(c.errorPct).padStart(10)}  ${c.status.padEnd(10)}  ` +
        `${ms(b.cpu)} / ${ms(b.dataIo)} / ${ms(b.logIo)} / ${ms(b.flush)} / ${ms(b.commit)}`,
    );
  }
  lines.push("", "speedup (modified-extents / truncate-and-copy)");
  for (const s of speedups) {
    lines.push(`${s.device.padEnd(16)}simulated ${fixed(s.simulated, 2)}x   seed ${fixed(s.seed, 2)}x   error ${pct(s.errorPct)}   ${s.status}`);
  }
  lines.push("", "fitted: a calibration used the cell (validation/cases.ts FITTED), so its error is not a test of the model; predicted: no fit used it.");
  return `${lines.join("\n")}\n`;
}
