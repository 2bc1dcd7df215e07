// The report: one static HTML page that works offline. It holds the reproduction table beside the
// seed's numbers, the charts (Vega-Lite specs rendered in the browser by vega-embed from the copied
// vendor scripts, with the PNG as the fallback without scripts), the parameters in force with their
// sources, and the run's metadata. Every text goes through escapeHtml or jsonForScript.
import { loggerSpec } from "../run/index.ts";
import { escapeHtml, jsonForScript } from "./escape.ts";
import { VENDOR_SCRIPTS } from "./vendor.ts";

export interface ReportCell {
  readonly device: string;
  readonly logger: string;
  readonly simulatedKiBps: number;
  readonly seedKiBps: number;
  readonly errorPct: number;
  /** fitted: a calibration used the cell; predicted: none did. */
  readonly status: string;
}

export interface ReportSpeedup {
  readonly device: string;
  readonly simulated: number;
  readonly seed: number;
  readonly errorPct: number;
  readonly status: string;
}

export interface ReportChart {
  /** File stem of the chart's files beside the page (`<name>.png`, `<name>.vl.json`). */
  readonly name: string;
  readonly title: string;
  /** What to read in it, one or two sentences. */
  readonly caption: string;
  readonly spec: object;
}

export interface ReportParameter {
  readonly name: string;
  readonly value: string;
  readonly defaultValue: string;
  readonly unit: string;
  readonly status: string;
  readonly source: string;
}

export interface ReportDocument {
  readonly version: string;
  readonly seed: number;
  readonly jobFile: string;
  readonly jobName: string;
  readonly jobDescription: string;
  readonly jobOptions: Readonly<Record<string, string>>;
  readonly cells: readonly ReportCell[];
  readonly speedups: readonly ReportSpeedup[];
  readonly charts: readonly ReportChart[];
  readonly parameters: ReadonlyArray<{ readonly group: string; readonly rows: readonly ReportParameter[] }>;
}


const STYLE = `
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ccc; } h3 { margin-bottom: 0.2rem; }
table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.92rem; } th, td { border: 1px solid #ccc; padding: 0.25rem 0.55rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: #555; } .caption { color: #444; max-width: 55rem; } .chart { margin: 0.5rem 0 1.5rem; }
.err-pos { color: #a33; } .err-neg { color: #36a; } code { background: #f5f5f5; padding: 0 0.2rem; }
details { margin: 0.4rem 0; } summary { cursor: pointer; font-weight: bold; }`;

/** Renders the page. Vendor scripts and chart files are expected beside it. */
export function reportPage(doc: ReportDocument): string {
  const e = escapeHtml;
  const options = Object.entries(doc.jobOptions).map(([k, v]) => `${k}=${v}`).join(", ");
  const parts: string[] = [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>fsyncsim: ${e(doc.jobName)} reproduced</title>`,
    `<style>${STYLE}</style>`,
    ...VENDOR_SCRIPTS.map((s) => `<script src="${s.name}"></script>`),
    "</head>",
    "<body>",
    "<h1>fsyncsim: &ldquo;Btrfs: turbo charge fsync&rdquo; reproduced</h1>",
    `<p class="meta">fsyncsim ${e(doc.version)} &middot; seed ${doc.seed} &middot; job <code>${e(doc.jobName)}</code> from <code>${e(doc.jobFile)}</code></p>`,
    doc.jobDescription === "" ? "" : `<p class="meta">${e(doc.jobDescription)}</p>`,
    `<p class="meta">Job options: <code>${e(options)}</code></p>`,
    "<h2>The seed's table</h2>",
    "<p>The seed job on a 2012 SATA disk and a Fusion-io card, with the logger before the patch and the patch's, beside the numbers in the patch's commit message (fio's KB/s, which is KiB/s). One parameter set for all cells. A <em>fitted</em> cell was used by the calibration, so its error is no test of the model; only <em>predicted</em> cells are.</p>",
    cellsTable(doc.cells),
    speedupTable(doc.speedups),
    "<h2>Charts</h2>",
  ];
  doc.charts.forEach((c, i) => {
    parts.push(
      `<h3>${e(c.title)}</h3>`,
      `<p class="caption">${e(c.caption)}</p>`,
      `<div class="chart" id="chart-${i}" data-name="${e(c.name)}"><noscript><img src="${e(c.name)}.png" alt="${e(c.title)}" width="900"></noscript></div>`,
      `<script type="application/json" id="spec-${i}">${jsonForScript(c.spec)}</script>`,
    );
  });
  parts.push("<h2>Parameters in force</h2>", "<p>Every value the run used, with its default, status and source (<code>fsyncsim devices</code>, docs/parameters.md).</p>");
  for (const g of doc.parameters) parts.push(`<details><summary>${e(g.group)} (${g.rows.length})</summary>`, parameterTable(g.rows), "</details>");
  parts.push(
    "<script>",
    "(function () {",
    `  var n = ${doc.charts.length};`,
    "  var jobs = [];",
    "  for (var i = 0; i < n; i++) {",
    "    var spec = JSON.parse(document.getElementById('spec-' + i).textContent);",
    "    jobs.push(vegaEmbed('#chart-' + i, spec, { actions: false, renderer: 'svg' }));",
    "  }",
    "  Promise.all(jobs).then(function () { document.body.setAttribute('data-ready', 'charts'); },",
    "    function (err) { document.body.setAttribute('data-ready', 'error'); console.error(err); });",
    "})();",
    "</script>",
    "</body>",
    "</html>",
    "",
  );
  return parts.filter((p) => p !== "").join("\n");
}

function cellsTable(cells: readonly ReportCell[]): string {
  const rows = cells.map((c) => {
    const cls = c.errorPct >= 0 ? "err-pos" : "err-neg";
    return `<tr><td>${escapeHtml(c.device)}</td><td>${escapeHtml(c.logger)} (${escapeHtml(loggerSpec(c.logger)?.label ?? "")})</td><td class="num">${c.simulatedKiBps.toFixed(1)}</td><td class="num">${c.seedKiBps}</td><td class="num ${cls}">${signed(c.errorPct)} %</td><td>${escapeHtml(c.status)}</td></tr>`;
  });
  return ["<table>", "<tr><th>device</th><th>logger</th><th>simulated KiB/s</th><th>seed KiB/s</th><th>error</th><th>status</th></tr>", ...rows, "</table>"].join("\n");
}

function speedupTable(speedups: readonly ReportSpeedup[]): string {
  const rows = speedups.map((s) => `<tr><td>${escapeHtml(s.device)}</td><td class="num">${s.simulated.toFixed(2)}&times;</td><td class="num">${s.seed.toFixed(2)}&times;</td><td class="num">${signed(s.errorPct)} %</td><td>${escapeHtml(s.status)}</td></tr>`);
  return ["<table>", "<tr><th>device</th><th>simulated speedup</th><th>seed speedup</th><th>error</th><th>status</th></tr>", ...rows, "</table>"].join("\n");
}

function parameterTable(rows: readonly ReportParameter[]): string {
  const e = escapeHtml;
  const body = rows.map((r) => `<tr><td><code>${e(r.name)}</code></td><td class="num">${e(r.value)}</td><td class="num">${e(r.defaultValue)}</td><td>${e(r.unit)}</td><td>${e(r.status)}</td><td>${e(r.source)}</td></tr>`);
  return ["<table>", "<tr><th>parameter</th><th>value</th><th>default</th><th>unit</th><th>status</th><th>source</th></tr>", ...body, "</table>"].join("\n");
}

function signed(x: number): string {
  const s = x.toFixed(1);
  return x > 0 ? `+${s}` : s === "-0.0" ? "0.0" : s;
}
