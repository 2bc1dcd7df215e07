// Chart of where an fsync's time goes: a stacked bar of mean milliseconds per fsync by phase (cpu,
// data I/O, log I/O, flush, commit wait, contention), one bar per logger, a panel per device. It
// shows why the patch helps each device differently: on the disk the flush dominates and stays,
// on the flash card the CPU time of copying the log is nearly all of it and goes. Bars run
// horizontally so the logger names read without rotation; each device has its own x scale.
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, deviceLabel, distinct, loggerLabel, loggerOrder, VEGA_LITE_SCHEMA } from "./theme.ts";
import type { VlPositionDef } from "./vl-types.ts";

/** Mean time of one phase of an fsync, for a device and logger. */
export interface FsyncPhaseRow {
  /** Device model name, e.g. "sata-hdd". */
  device: string;
  /** Logger name, e.g. "truncate-and-copy". */
  logger: string;
  /** Phase name, e.g. "cpu"; phases stack in the order they first appear in the rows. */
  phase: string;
  /** Mean time per fsync spent in the phase, in milliseconds. */
  meanMs: number;
}

/** Colours of the phases, in stacking order: CPU warm, I/O blues, waiting greys. */
const PHASE_COLORS = ["#f58518", "#9ecae9", "#4c78a8", "#54a24b", "#b279a2", "#bab0ac", "#e45756", "#72b7b2"];

/** Stacked bars of mean fsync time by phase, per device and logger. */
export function fsyncBreakdownSpec(rows: readonly FsyncPhaseRow[]): TopLevelSpec {
  const phases = distinct(rows.map((r) => r.phase));
  const loggers = loggerOrder(rows.map((r) => r.logger));
  const values = rows.map((r) => ({
    device: deviceLabel(r.device),
    logger: loggerLabel(r.logger),
    phase: r.phase,
    phaseOrder: phases.indexOf(r.phase),
    meanMs: r.meanMs,
  }));
  const y: VlPositionDef = { field: "logger", type: "nominal", sort: loggers.map(loggerLabel), title: null };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: "Where an fsync's time goes",
      subtitle: [
        "Mean milliseconds per fsync by phase; the number is the whole fsync.",
        "Each device has its own x scale.",
      ],
    },
    config: CHART_CONFIG,
    data: { values },
    facet: { row: { field: "device", type: "nominal", sort: distinct(values.map((v) => v.device)), title: null, header: { labelFontWeight: "bold", labelFontSize: 13, labelAngle: 0, labelAlign: "left", labelOrient: "top", labelAnchor: "start", labelPadding: 6 } } },
    spec: {
      width: 520,
      height: { step: 34 },
      layer: [
        {
          mark: { type: "bar", height: { band: 0.7 } },
          encoding: {
            y,
            x: { field: "meanMs", type: "quantitative", stack: "zero", title: "mean time per fsync (ms)" },
            color: { field: "phase", type: "nominal", title: "phase", sort: phases, scale: { domain: phases, range: PHASE_COLORS.slice(0, phases.length) }, legend: { orient: "top", direction: "horizontal", columns: Math.min(phases.length, 6) } },
            order: { field: "phaseOrder", type: "quantitative" },
            tooltip: [
              { field: "phase", type: "nominal" },
              { field: "meanMs", type: "quantitative", title: "mean (ms)", format: ".3f" },
            ],
          },
        },
        {
          transform: [
            { aggregate: [{ op: "sum", field: "meanMs", as: "totalMs" }], groupby: ["device", "logger"] },
            { calculate: "format(datum.totalMs, '.1f') + ' ms'", as: "totalLabel" },
          ],
          mark: { type: "text", align: "left", dx: 5, fontSize: 12 },
          encoding: { y, x: { field: "totalMs", type: "quantitative" }, text: { field: "totalLabel", type: "nominal" } },
        },
      ],
    },
    resolve: { scale: { x: "independent" } },
  };
}
