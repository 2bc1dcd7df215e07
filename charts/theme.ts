// The look shared by every fsyncsim chart: one font (the DejaVu Sans committed in charts/fonts, so
// the SVG names the face that the PNG renderer loads), a left-aligned title with a grey subtitle,
// and label sizes that stay readable in a 2x PNG. Builders put CHART_CONFIG in each spec's
// `config`, so a saved .vl.json looks the same in any Vega-Lite viewer.
import type { Config } from "vega-lite";
import { isDeviceKind, DEVICE_MODELS } from "../devices/index.ts";
import { ALL_LOGGERS, loggerSpec } from "../run/index.ts";
import type { VlColorDef } from "./vl-types.ts";

/** The font family every chart's text uses; charts/fonts holds its regular and bold faces. */
export const CHART_FONT = "DejaVu Sans";

/** Vega-Lite config shared by all charts. */
export const CHART_CONFIG = {
  font: CHART_FONT,
  title: { anchor: "start", fontSize: 15, subtitleFontSize: 12, subtitleColor: "#555", subtitlePadding: 6, offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal" },
  header: { labelFontSize: 12, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", labelLimit: 260 },
  view: { stroke: "#ddd" },
} as const satisfies Config;

// Each logger's label and colour are on its spec (btrfs/loggers/): before the patch red, the patch blue.

/** Colour of a logger the registry does not know. */
const OTHER_LOGGER_COLOR = "#888";

/** A logger's label for readers ("before the patch"), or its own name if it has none. */
export function loggerLabel(logger: string): string {
  return loggerSpec(logger)?.label ?? logger;
}

/** The loggers present, in registry order (before the patch, the patch, ...), then any others in input order. */
export function loggerOrder(loggers: Iterable<string>): string[] {
  const present = new Set(loggers);
  const known = ALL_LOGGERS.map((l) => l.name);
  return [...known.filter((l) => present.has(l)), ...[...present].filter((l) => !known.includes(l))];
}

/** A color encoding of field `field` holding logger labels, with each logger's own colour. */
export function loggerColor(loggers: readonly string[], field = "logger"): VlColorDef {
  const labels = loggers.map(loggerLabel);
  return {
    field,
    type: "nominal",
    title: null,
    sort: labels,
    scale: { domain: labels, range: loggers.map((l) => loggerSpec(l)?.color ?? OTHER_LOGGER_COLOR) },
    legend: { orient: "top", direction: "horizontal" },
  };
}

/** Colour per device where devices share a panel: kept clear of the two logger colours. */
export const DEVICE_COLORS = ["#54a24b", "#b279a2", "#9d755d", "#bab0ac"] as const;

/** A device's label for readers ("SATA disk", from its spec), or its own name if the registry does not know it. */
export function deviceLabel(device: string): string {
  return isDeviceKind(device) ? DEVICE_MODELS[device].label : device;
}

/** The distinct values of a list, in order of first appearance. */
export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** The JSON schema URL every spec names, matching the pinned vega-lite 6. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
