// One run as a flat record with units in the column names: the CSV row, and the "summary" part of
// the JSON document. Column order is fixed (new columns are only ever appended), so CSVs from
// different runs concatenate. "ops" and "throughput" count writes; reads have their own columns.
import type { RunResult } from "../../run/index.ts";
import { bytesToKiB, fixed, nsToS, nsToUs } from "./units.ts";

export const RUN_COLUMNS = [
  "fs", "logger", "device", "job", "ops", "fsyncs", "simulated_runtime_s", "throughput_kib_per_s", "iops",
  "fsync_lat_p50_us", "fsync_lat_p99_us", "device_writes", "device_write_bytes", "device_flushes", "seed",
  "bytes_written", "write_lat_mean_us", "fsync_lat_mean_us", "device_fua_writes",
  "fsyncs_fast", "fsyncs_full", "fsyncs_commit", "fsyncs_none",
  "fsync_cpu_us", "fsync_data_io_us", "fsync_log_io_us", "fsync_flush_us", "fsync_commit_wait_us",
  "reads", "bytes_read", "read_lat_mean_us", "read_throughput_kib_per_s", "processes", "fsync_contention_us",
] as const;
export type RunColumn = (typeof RUN_COLUMNS)[number];
export type RunSummary = Readonly<Record<RunColumn, string>>;

export function runSummary(r: RunResult): RunSummary {
  const runtimeS = nsToS(r.runtimeNs);
  const perS = (x: number): number => (runtimeS > 0 ? x / runtimeS : 0);
  const perFsyncUs = (ns: number): string => fixed(r.fsyncs > 0 ? nsToUs(ns) / r.fsyncs : 0, 3);
  return {
    fs: r.fs,
    logger: r.logger,
    device: r.device,
    job: r.source.name,
    ops: String(r.writes),
    fsyncs: String(r.fsyncs),
    simulated_runtime_s: fixed(runtimeS, 6),
    throughput_kib_per_s: fixed(perS(bytesToKiB(r.bytesWritten)), 3),
    iops: fixed(perS(r.writes), 3),
    fsync_lat_p50_us: fixed(nsToUs(r.fsyncLatency.p50Ns), 3),
    fsync_lat_p99_us: fixed(nsToUs(r.fsyncLatency.p99Ns), 3),
    device_writes: String(r.block.deviceWrites),
    device_write_bytes: String(r.block.bytesWritten),
    device_flushes: String(r.block.deviceFlushes),
    seed: String(r.seed),
    bytes_written: String(r.bytesWritten),
    write_lat_mean_us: fixed(nsToUs(r.writeLatency.meanNs), 3),
    fsync_lat_mean_us: fixed(nsToUs(r.fsyncLatency.meanNs), 3),
    device_fua_writes: String(r.block.deviceFuaWrites),
    fsyncs_fast: String(r.fsyncPaths.fast),
    fsyncs_full: String(r.fsyncPaths.full),
    fsyncs_commit: String(r.fsyncPaths.commit),
    fsyncs_none: String(r.fsyncPaths.none),
    fsync_cpu_us: perFsyncUs(r.fsyncBreakdownNs.cpu),
    fsync_data_io_us: perFsyncUs(r.fsyncBreakdownNs.dataIo),
    fsync_log_io_us: perFsyncUs(r.fsyncBreakdownNs.logIo),
    fsync_flush_us: perFsyncUs(r.fsyncBreakdownNs.flush),
    fsync_commit_wait_us: perFsyncUs(r.fsyncBreakdownNs.commit),
    reads: String(r.reads),
    bytes_read: String(r.bytesRead),
    read_lat_mean_us: fixed(nsToUs(r.readLatency.meanNs), 3),
    read_throughput_kib_per_s: fixed(perS(bytesToKiB(r.bytesRead)), 3),
    processes: String(r.processes.length),
    fsync_contention_us: perFsyncUs(r.fsyncBreakdownNs.contention),
  };
}
