// The per-fsync trace (`run --trace FILE`): one row per fsync, times in µs and s at the edge. The
// device columns count all I/O during the fsync, other processes' included.
import type { FsyncTraceRow } from "../../run/index.ts";
import { toCsv } from "./csv.ts";
import { fixed, nsToS, nsToUs } from "./units.ts";

export const TRACE_COLUMNS = [
  "fsync_index", "time_s", "latency_us", "path", "log_items_copied", "log_blocks_written", "device_writes",
  "device_write_bytes", "device_flushes", "fs_extent_items", "cpu_us", "data_io_us", "log_io_us", "flush_us", "commit_wait_us",
  "contention_us", "job", "clone",
] as const;

export function traceCsv(rows: readonly FsyncTraceRow[]): string {
  return toCsv(
    TRACE_COLUMNS,
    rows.map((r) => ({
      fsync_index: String(r.fsyncIndex),
      time_s: fixed(nsToS(r.startNs), 6),
      latency_us: fixed(nsToUs(r.latencyNs), 3),
      path: r.path,
      log_items_copied: String(r.logItemsCopied),
      log_blocks_written: String(r.logBlocksWritten),
      device_writes: String(r.deviceWrites),
      device_write_bytes: String(r.deviceWriteBytes),
      device_flushes: String(r.deviceFlushes),
      fs_extent_items: String(r.fsExtentItems),
      cpu_us: fixed(nsToUs(r.breakdownNs.cpu), 3),
      data_io_us: fixed(nsToUs(r.breakdownNs.dataIo), 3),
      log_io_us: fixed(nsToUs(r.breakdownNs.logIo), 3),
      flush_us: fixed(nsToUs(r.breakdownNs.flush), 3),
      commit_wait_us: fixed(nsToUs(r.breakdownNs.commit), 3),
      contention_us: fixed(nsToUs(r.breakdownNs.contention), 3),
      job: r.jobName,
      clone: String(r.clone),
    })),
  );
}
