// Chart of fsync latency through a run, per device, both loggers: before the patch every fsync
// copies the inode's whole log, so latency climbs through each 30 s transaction and falls back at
// each commit; the patch's fsyncs stay flat. A run holds 12,800 fsyncs per line, so the builder
// averages them per bin of simulated time (1 s by default) and stores each series as arrays
// unrolled by a `flatten` transform, which keeps the saved spec small (about 60 KB for the seed).
// A panel per device (vconcat rather than facet, so each can cut its y axis above the rare
// commit-stall bins that would otherwise flatten the sawtooth).
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, deviceLabel, distinct, loggerColor, loggerLabel, loggerOrder, VEGA_LITE_SCHEMA } from "./theme.ts";
import type { VlSpec } from "./vl-types.ts";

/** One fsync of a run's trace. */
export interface FsyncLatencyPoint {
  /** When the fsync started, in seconds of simulated time from the first I/O. */
  timeS: number;
  /** The fsync's latency, in microseconds. */
  latencyUs: number;
  /** Log items the fsync copied into the log tree. */
  itemsCopied: number;
}

/** The fsyncs of one run: a device and a logger. */
export interface FsyncLatencySeries {
  /** Device model name, e.g. "sata-hdd". */
  device: string;
  /** Logger name, e.g. "truncate-and-copy". */
  logger: string;
  /** Every fsync of the run, in any order. */
  points: readonly FsyncLatencyPoint[];
}

/** Options of the latency chart. */
export interface FsyncLatencyOptions {
  /** Width of a bin of simulated time, in seconds. Defaults to 1. */
  binS?: number;
}

/** Digits kept in the spec's numbers: enough for a chart, short enough for a small file. */
const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Means of latency and items copied per bin of `binS` seconds, bins in time order. */
export function binFsyncs(points: readonly FsyncLatencyPoint[], binS: number): { timeS: number[]; latencyMs: number[]; itemsCopied: number[] } {
  const bins = new Map<number, { latencyUs: number; items: number; n: number }>();
  for (const p of points) {
    const bin = Math.floor(p.timeS / binS);
    const b = bins.get(bin) ?? { latencyUs: 0, items: 0, n: 0 };
    b.latencyUs += p.latencyUs;
    b.items += p.itemsCopied;
    b.n += 1;
    bins.set(bin, b);
  }
  const order = [...bins.keys()].sort((a, b) => a - b);
  const at = (bin: number) => bins.get(bin) ?? { latencyUs: 0, items: 0, n: 1 };
  return {
    timeS: order.map((bin) => round((bin + 0.5) * binS, 3)),
    latencyMs: order.map((bin) => round(at(bin).latencyUs / at(bin).n / 1000, 3)),
    itemsCopied: order.map((bin) => round(at(bin).items / at(bin).n, 1)),
  };
}

/** How far above the 95th percentile of a device's bins its y axis may reach before clipping. */
const CLIP_ABOVE_P95_RATIO = 1.5;

/** The top of a device's y axis: all of it, unless a few bins tower over the rest (commit stalls). */
function latencyAxisTopMs(latencyMs: readonly number[]): { topMs: number; clipped: boolean } {
  const sorted = [...latencyMs].sort((a, b) => a - b);
  const maxMs = sorted.at(-1) ?? 0;
  const capMs = (sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0) * CLIP_ABOVE_P95_RATIO;
  return maxMs > capMs ? { topMs: capMs, clipped: true } : { topMs: maxMs, clipped: false };
}

/** Mean fsync latency over simulated time, a panel per device, a line per logger. */
export function fsyncLatencySpec(series: readonly FsyncLatencySeries[], options: FsyncLatencyOptions = {}): TopLevelSpec {
  const binS = options.binS ?? 1;
  const binText = `${String(binS)} s`;
  const color = loggerColor(loggerOrder(series.map((s) => s.logger)));
  const counts = distinct(series.map((s) => s.points.length.toLocaleString("en-US")));
  const devices = distinct(series.map((s) => s.device));
  const datasets = Object.fromEntries(
    devices.map((device) => [device, series.filter((s) => s.device === device).map((s) => ({ logger: loggerLabel(s.logger), ...binFsyncs(s.points, binS) }))]),
  );
  const panels = devices.map((device): VlSpec => {
    const latencyMs = (datasets[device] ?? []).flatMap((v) => v.latencyMs);
    const { topMs, clipped } = latencyAxisTopMs(latencyMs);
    const subtitle = clipped ? { subtitle: `Cut off at the top: a few bins reach up to ${Math.max(...latencyMs).toFixed(0)} ms.`, subtitleFontSize: 11 } : {};
    return {
      title: { text: deviceLabel(device), fontSize: 13, ...subtitle },
      width: 620,
      height: 170,
      data: { name: device },
      transform: [{ flatten: ["timeS", "latencyMs", "itemsCopied"] }],
      mark: { type: "line", strokeWidth: 1.5, clip: true },
      encoding: {
        x: { field: "timeS", type: "quantitative", title: "simulated time (s)" },
        y: { field: "latencyMs", type: "quantitative", title: `fsync latency (ms, mean per ${binText})`, scale: { domain: [0, topMs], nice: true } },
        color,
        tooltip: [
          { field: "timeS", type: "quantitative", title: "time (s)" },
          { field: "latencyMs", type: "quantitative", title: "mean latency (ms)" },
          { field: "itemsCopied", type: "quantitative", title: "mean log items copied" },
        ],
      },
    };
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: "fsync latency through the run",
      subtitle: [
        `Each point: mean latency of the fsyncs in ${binText} of simulated time (${counts.join(" / ")} fsyncs per line).`,
        "Before the patch the log grows through each 30 s transaction, and latency with it, until a commit resets it.",
        "Each device has its own scales.",
      ],
    },
    config: CHART_CONFIG,
    datasets,
    vconcat: panels,
    spacing: 24,
  };
}
