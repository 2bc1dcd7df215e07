// Renders a Vega-Lite spec to SVG and PNG without a browser: vega-lite compiles it, a headless vega
// View (renderer "none") writes the SVG, and resvg rasterises that at 2x on white using only the
// DejaVu Sans faces committed in charts/fonts (no system fonts), so the same spec gives
// byte-identical SVG and PNG on every machine; vega lays text out with those fonts' own widths
// (text-metrics.ts). Pipeline: docs/sources.md §T3.
import { Resvg } from "@resvg/resvg-js";
import type { TopLevelSpec } from "vega-lite";
import { installTextMetrics, readFontFile } from "./text-metrics.ts";
import { CHART_FONT } from "./theme.ts";
import { packagePath } from "../lib/package-root.ts";

/** The committed font files: regular, then bold (vega draws titles and headers in bold). */
const [REGULAR_FONT_FILE, BOLD_FONT_FILE] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => packagePath("charts", "fonts", f)) as [string, string];
const FONT_FILES = [REGULAR_FONT_FILE, BOLD_FONT_FILE];

let textMetricsInstalled = false;

/**
 * vega and vega-lite, loaded on the first chart (about 0.2 s of start-up that commands drawing no
 * chart do not pay), with vega's process-wide text measurer pointed at the committed fonts.
 */
async function chartLibraries(): Promise<{ vega: typeof import("vega"); vegaLite: typeof import("vega-lite") }> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  if (!textMetricsInstalled) {
    installTextMetrics(vega, readFontFile(REGULAR_FONT_FILE), readFontFile(BOLD_FONT_FILE));
    textMetricsInstalled = true;
  }
  return { vega, vegaLite };
}

/** PNG pixels per SVG pixel. */
const PNG_ZOOM = 2;

/** A rendered chart: the SVG text and its PNG bytes. */
export interface RenderedChart {
  /** The SVG written by vega, text in DejaVu Sans. */
  svg: string;
  /** The SVG rasterised by resvg at zoom 2 on a white background. */
  png: Buffer;
}

/** Rasterises an SVG to PNG with the committed fonts only (system fonts are never loaded). */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: PNG_ZOOM },
    background: "white",
    // Without font files and with loadSystemFonts false, resvg drops text silently.
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  });
  return resvg.render().asPng();
}

/** Compiles and renders a Vega-Lite spec; the spec's own config wins over the font default. */
export async function renderChart(spec: TopLevelSpec): Promise<RenderedChart> {
  const { vega, vegaLite } = await chartLibraries();
  const vgSpec = vegaLite.compile(spec, { config: { font: CHART_FONT } }).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none" });
  try {
    // Clip-path and gradient ids count up across renders in one process; restart them so the
    // same spec always gives the same SVG.
    vega.resetSVGDefIds();
    const svg = await view.toSVG();
    return { svg, png: svgToPng(svg) };
  } finally {
    view.finalize();
  }
}

/** One output file of a chart, for the caller to write (atomically). */
export interface ChartFile {
  /** File name without directory: `<name>.vl.json`, `<name>.svg` or `<name>.png`. */
  name: string;
  /** Text for the spec and SVG, bytes for the PNG. */
  content: string | Buffer;
}

/** The three files of a chart: its Vega-Lite spec (pretty JSON), SVG and PNG. */
export async function chartFiles(name: string, spec: TopLevelSpec): Promise<ChartFile[]> {
  const { svg, png } = await renderChart(spec);
  return [
    { name: `${name}.vl.json`, content: `${JSON.stringify(spec, null, 2)}\n` },
    { name: `${name}.svg`, content: svg },
    { name: `${name}.png`, content: png },
  ];
}
