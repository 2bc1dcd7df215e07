// Charts of a parameter sweep (`fsyncsim sweep`'s CSV rows): throughput against the swept column
// chosen for x, a line per logger, a panel per device (the devices differ by 20x, so each gets its
// own y scale rather than sharing one with a dashed twin), a row of panels per combination of any
// other swept columns; and, when both loggers ran, the patch's speedup at each point, a line per
// device on one shared scale, since ratios compare across devices.
import type { TopLevelSpec } from "vega-lite";
import { sweepLayout, sweepPoints, sweepSpeedups, type SweepCsvRow, type SweepLayout } from "./sweep-data.ts";
import { CHART_CONFIG, DEVICE_COLORS, deviceLabel, distinct, loggerColor, loggerLabel, loggerOrder, VEGA_LITE_SCHEMA } from "./theme.ts";
import type { VlFacetFieldDef, VlLayerSpec, VlPositionDef } from "./vl-types.ts";

/** What to chart from a sweep. */
export interface SweepChartOptions {
  /** The swept column for the x axis, e.g. "size" or "device.rotationRpm". */
  x: string;
  /**
   * Columns that are not swept parameters (results and run identity); any other column whose
   * values vary, besides x, device and logger, becomes a row of panels. Defaults to
   * SWEEP_VALUE_COLUMNS, the columns of `fsyncsim run`'s CSV.
   */
  valueColumns?: readonly string[];
}

/** A sweep's charts. */
export interface SweepSpecs {
  /** KiB/s written against x, a line per logger, a panel per device. */
  throughput: TopLevelSpec;
  /** modified-extents over truncate-and-copy throughput against x; undefined unless both loggers ran. */
  speedup: TopLevelSpec | undefined;
}

/** A numeric x axis turns logarithmic when its values span this ratio or more. */
const LOG_X_SPAN_RATIO = 50;

/** The x encoding for a layout, given the x values that will be plotted. */
function xEncoding(layout: SweepLayout, xs: readonly (number | string)[]): VlPositionDef {
  const s = layout.xScale;
  if (s.kind === "nominal") return { field: "x", type: "ordinal", sort: [...s.order], title: s.title, axis: { labelAngle: 0 } };
  const nums = xs.filter((v): v is number => typeof v === "number");
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  const log = min > 0 && max / min >= LOG_X_SPAN_RATIO;
  return { field: "x", type: "quantitative", title: s.title, scale: log ? { type: "log" } : { zero: false } };
}

/** A facet row per combination of other swept parameters, labelled above its panels. */
function paramsRow(params: readonly string[]) {
  return {
    field: "params",
    type: "nominal",
    sort: [...params],
    title: null,
    header: { labelAngle: 0, labelAlign: "left", labelOrient: "top", labelAnchor: "start", labelFontWeight: "bold" },
  } as const satisfies VlFacetFieldDef;
}

/** The throughput and speedup charts of a sweep. */
export function sweepSpecs(rows: readonly SweepCsvRow[], options: SweepChartOptions): SweepSpecs {
  const layout = sweepLayout(rows, options.x, options.valueColumns);
  const points = sweepPoints(rows, layout);
  const xOf = (text: string): number | string => (layout.xScale.kind === "nominal" ? text : layout.xScale.value(text));
  const devices = distinct(points.map((p) => p.device));
  const missing = distinct(rows.map((r) => r.device ?? "")).filter((d) => d !== "" && !devices.includes(d));
  const params = distinct(points.map((p) => p.params));
  const faceted = layout.facetColumns.length > 0;
  const x = xEncoding(layout, points.map((p) => xOf(p.xText)));
  const loggers = loggerOrder(points.map((p) => p.logger));
  const notes = [
    ...(faceted ? [`A row of panels per ${layout.facetColumns.join(" x ")}.`] : []),
    ...(missing.length > 0 ? [`Not shown: ${missing.map(deviceLabel).join(", ")} (no ${layout.x} there).`] : []),
  ];

  const throughput: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `Throughput across ${layout.x}`,
      subtitle: [`KiB/s written at each ${layout.x}, a line per logger; each device has its own y scale.`, ...notes],
    },
    config: CHART_CONFIG,
    data: { values: points.map((p) => ({ device: deviceLabel(p.device), logger: loggerLabel(p.logger), params: p.params, x: xOf(p.xText), xText: p.xText, throughputKiBps: p.throughputKiBps })) },
    facet: {
      column: { field: "device", type: "nominal", sort: devices.map(deviceLabel), title: null, header: { labelFontWeight: "bold", labelFontSize: 13 } },
      ...(faceted ? { row: paramsRow(params) } : {}),
    },
    spec: {
      width: 260,
      height: 180,
      mark: { type: "line", point: true, strokeWidth: 2 },
      encoding: {
        x,
        y: { field: "throughputKiBps", type: "quantitative", title: "written (KiB/s)" },
        color: loggerColor(loggers),
        tooltip: [
          { field: "xText", type: "nominal", title: layout.x },
          { field: "throughputKiBps", type: "quantitative", title: "KiB/s", format: ".1f" },
        ],
      },
    },
    resolve: { scale: { y: "independent" } },
  };

  const speedups = sweepSpeedups(points);
  if (speedups.length === 0) return { throughput, speedup: undefined };
  const layer: VlLayerSpec = {
    width: 420,
    height: 200,
    layer: [
      { mark: { type: "rule", color: "#888", strokeDash: [4, 3] }, encoding: { y: { datum: 1 } } },
      {
        mark: { type: "line", point: true, strokeWidth: 2 },
        encoding: {
          x,
          y: { field: "speedupRatio", type: "quantitative", title: "speedup (×)", scale: { zero: true } },
          color: { field: "device", type: "nominal", title: null, sort: devices.map(deviceLabel), scale: { domain: devices.map(deviceLabel), range: DEVICE_COLORS.slice(0, devices.length) }, legend: { orient: "top", direction: "horizontal" } },
          tooltip: [
            { field: "xText", type: "nominal", title: layout.x },
            { field: "speedupRatio", type: "quantitative", title: "speedup", format: ".2f" },
          ],
        },
      },
    ],
  };
  const speedupValues = speedups.map((s) => ({ device: deviceLabel(s.device), params: s.params, x: xOf(s.xText), xText: s.xText, speedupRatio: s.speedupRatio }));
  const title = {
    text: `Speedup from the patch across ${layout.x}`,
    subtitle: ["The patch's throughput over the throughput before it (modified-extents / truncate-and-copy);", "above the dashed line at 1 the patch is faster.", ...notes],
  };
  const data = { values: speedupValues };
  const speedup: TopLevelSpec = faceted
    ? { $schema: VEGA_LITE_SCHEMA, title, config: CHART_CONFIG, data, facet: { row: paramsRow(params) }, spec: layer }
    : { $schema: VEGA_LITE_SCHEMA, title, config: CHART_CONFIG, data, ...layer };
  return { throughput, speedup };
}
