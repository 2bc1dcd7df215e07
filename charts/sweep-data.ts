// The data side of sweep charts: which CSV columns of a sweep are swept parameters, how the x
// column's values read (numbers, fio sizes such as `10m` shown in MiB, or names in the rows'
// order), and the patch's speedup at each point. Rows are the sweep CSV's rows as strings
// (`point`, each swept key, then `run`'s columns), so nothing here needs the simulator's types.

/** One row of a sweep CSV: column name to the text in that column. */
export type SweepCsvRow = Readonly<Record<string, string>>;

/**
 * Columns of a sweep CSV that are not swept parameters: the point number, what ran (fs, job,
 * seed) and every result column of `fsyncsim run --format csv` (cli/format/run-summary.ts; a test
 * keeps the two lists in step). `device` and `logger` are handled on their own.
 */
export const SWEEP_VALUE_COLUMNS: readonly string[] = [
  "point", "fs", "job", "ops", "fsyncs", "simulated_runtime_s", "throughput_kib_per_s", "iops",
  "fsync_lat_p50_us", "fsync_lat_p99_us", "device_writes", "device_write_bytes", "device_flushes", "seed",
  "bytes_written", "write_lat_mean_us", "fsync_lat_mean_us", "device_fua_writes",
  "fsyncs_fast", "fsyncs_full", "fsyncs_commit", "fsyncs_none",
  "fsync_cpu_us", "fsync_data_io_us", "fsync_log_io_us", "fsync_flush_us", "fsync_commit_wait_us",
  "reads", "bytes_read", "read_lat_mean_us", "read_throughput_kib_per_s", "processes", "fsync_contention_us",
];

/** The column of a sweep's throughput: KiB/s written (fio's KB/s). */
export const THROUGHPUT_COLUMN = "throughput_kib_per_s";

/** fio's default kb_base: `4k` is 4096 bytes. */
const KB_BASE = 1024;
/** fio's compatibility quirk: with kb_base=1024, an explicit `kib`/`mib` suffix means powers of 1000. */
const SI_BASE = 1000;
const SIZE_PREFIXES = "kmgtpe";
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const FIO_SIZE = /^(\d+(?:\.\d+)?)([kmgtpe])(i?b)?$/i;

/** Bytes of a fio size with a unit suffix (`10m`, `4k`, `1gb`, `4kib`), or undefined. */
export function parseFioSizeBytes(text: string): number | undefined {
  const m = FIO_SIZE.exec(text.trim());
  if (m === null) return undefined;
  const [, digits = "", prefix = "", tail = ""] = m;
  const base = tail.toLowerCase() === "ib" ? SI_BASE : KB_BASE;
  return Number(digits) * base ** (SIZE_PREFIXES.indexOf(prefix.toLowerCase()) + 1);
}

/** How the x column reads: numbers as they are, sizes in a binary unit, or names. */
export type SweepXScale =
  | { kind: "number"; title: string; value: (text: string) => number }
  | { kind: "size"; title: string; value: (text: string) => number }
  | { kind: "nominal"; title: string; order: readonly string[] };

/** Binary units for sizes on an axis, smallest first. */
const SIZE_UNITS = [
  { name: "KiB", bytes: 2 ** 10 },
  { name: "MiB", bytes: 2 ** 20 },
  { name: "GiB", bytes: 2 ** 30 },
] as const;

/** The x scale of a column from its (non-empty) values. Sizes show in MiB unless all are under 1 MiB or all 1 GiB and up. */
export function sweepXScale(column: string, texts: readonly string[]): SweepXScale {
  if (texts.length > 0 && texts.every((t) => PLAIN_NUMBER.test(t.trim()))) return { kind: "number", title: column, value: Number };
  const bytes = texts.map((t) => (PLAIN_NUMBER.test(t.trim()) ? Number(t) : parseFioSizeBytes(t)));
  if (texts.length > 0 && bytes.every((b) => b !== undefined)) {
    const max = Math.max(...(bytes as number[]));
    const min = Math.min(...(bytes as number[]));
    const unit = max < SIZE_UNITS[1].bytes ? SIZE_UNITS[0] : min >= SIZE_UNITS[2].bytes ? SIZE_UNITS[2] : SIZE_UNITS[1];
    const toUnit = (t: string): number => (PLAIN_NUMBER.test(t.trim()) ? Number(t) : (parseFioSizeBytes(t) ?? Number.NaN)) / unit.bytes;
    return { kind: "size", title: `${column} (${unit.name})`, value: toUnit };
  }
  return { kind: "nominal", title: column, order: [...new Set(texts)] };
}

/** A sweep's columns sorted out: the x axis and the other swept parameters. */
export interface SweepLayout {
  /** The x column's name. */
  x: string;
  /** How the x column's values read. */
  xScale: SweepXScale;
  /** Other swept columns (values vary across rows), in column order: each combination is a facet row. */
  facetColumns: readonly string[];
}

/** Sorts out a sweep's columns; throws if `x` is not one of them. */
export function sweepLayout(rows: readonly SweepCsvRow[], x: string, valueColumns: readonly string[] = SWEEP_VALUE_COLUMNS): SweepLayout {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (!columns.includes(x)) throw new Error(`sweep chart: no column '${x}' in the rows (columns: ${columns.join(", ")})`);
  const ignored = new Set([...valueColumns, "device", "logger", x]);
  const facetColumns = columns.filter((c) => !ignored.has(c) && new Set(rows.map((r) => r[c] ?? "")).size > 1);
  const xTexts = rows.map((r) => r[x] ?? "").filter((t) => t !== "");
  return { x, xScale: sweepXScale(x, xTexts), facetColumns };
}

/** The label of a row's other swept parameters, e.g. "btrfs.nodesizeBytes=16384, numjobs=4". */
export function paramsLabel(row: SweepCsvRow, facetColumns: readonly string[]): string {
  return facetColumns.map((c) => `${c}=${row[c] || "n/a"}`).join(", ");
}

/** One point of a sweep, throughput averaged over rows that repeat it. */
export interface SweepPoint {
  device: string;
  logger: string;
  /** The other swept parameters, as a label ("" when there are none). */
  params: string;
  /** The x column's text. */
  xText: string;
  /** Mean throughput of the point's rows, in KiB/s written. */
  throughputKiBps: number;
}

/** The sweep's points in row order, rows without an x value left out. */
export function sweepPoints(rows: readonly SweepCsvRow[], layout: SweepLayout): SweepPoint[] {
  const points = new Map<string, SweepPoint & { n: number }>();
  for (const r of rows) {
    const xText = r[layout.x] ?? "";
    if (xText === "") continue;
    const p = { device: r.device ?? "", logger: r.logger ?? "", params: paramsLabel(r, layout.facetColumns), xText };
    const key = JSON.stringify(p);
    const prev = points.get(key);
    const kibps = Number(r[THROUGHPUT_COLUMN]);
    if (prev === undefined) points.set(key, { ...p, throughputKiBps: kibps, n: 1 });
    else {
      prev.throughputKiBps = (prev.throughputKiBps * prev.n + kibps) / (prev.n + 1);
      prev.n += 1;
    }
  }
  return [...points.values()].map(({ n: _n, ...p }) => p);
}

/** The patch's speedup at one point: modified-extents throughput over truncate-and-copy's. */
export interface SweepSpeedup {
  device: string;
  params: string;
  xText: string;
  /** modified-extents KiB/s / truncate-and-copy KiB/s at this point. */
  speedupRatio: number;
}

/** Speedups at every point where both loggers ran; empty if none did. */
export function sweepSpeedups(points: readonly SweepPoint[]): SweepSpeedup[] {
  const find = (p: SweepPoint, logger: string) => points.find((q) => q.logger === logger && q.device === p.device && q.params === p.params && q.xText === p.xText);
  return points.flatMap((p) => {
    if (p.logger !== "truncate-and-copy") return [];
    const patched = find(p, "modified-extents");
    if (patched === undefined || !(p.throughputKiBps > 0)) return [];
    return [{ device: p.device, params: p.params, xText: p.xText, speedupRatio: patched.throughputKiBps / p.throughputKiBps }];
  });
}
