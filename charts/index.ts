// The chart module's public surface: spec builders that take plain data (no simulator types) and
// return typed Vega-Lite specs, and the renderer that turns a spec into SVG and PNG files with the
// committed fonts, byte for byte the same on every machine.
export { chartFiles, renderChart, svgToPng, type ChartFile, type RenderedChart } from "./render.ts";
export { seedTableSpec, type SeedTableCell } from "./seed-table.ts";
export { binFsyncs, fsyncLatencySpec, type FsyncLatencyOptions, type FsyncLatencyPoint, type FsyncLatencySeries } from "./fsync-latency.ts";
export { fsyncBreakdownSpec, type FsyncPhaseRow } from "./fsync-breakdown.ts";
export { sweepSpecs, type SweepChartOptions, type SweepSpecs } from "./sweep.ts";
export {
  parseFioSizeBytes,
  sweepLayout,
  sweepPoints,
  sweepSpeedups,
  SWEEP_VALUE_COLUMNS,
  THROUGHPUT_COLUMN,
  type SweepCsvRow,
  type SweepLayout,
  type SweepPoint,
  type SweepSpeedup,
  type SweepXScale,
} from "./sweep-data.ts";
export { CHART_CONFIG, CHART_FONT } from "./theme.ts";
