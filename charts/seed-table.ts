// Chart of the seed's table: KiB/s written by the seed job on each device, before the patch
// (truncate-and-copy) and with it (modified-extents), as fsyncsim's bars with the 2012 mail's own
// numbers marked by a black tick. The two devices differ by 20x, so each device gets its own panel
// with its own linear y scale: a log scale would fit both on one axis but turns bar lengths into
// ratios nobody reads correctly, while per-device panels keep "bar vs tick" and "before vs after"
// comparable by eye where the reproduction is judged. Inside a device's panel x is the logger,
// which groups the bars as x = device with xOffset = logger would, without a repeated device label.
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, deviceLabel, distinct, loggerColor, loggerLabel, loggerOrder, VEGA_LITE_SCHEMA } from "./theme.ts";

/** One cell of the seed table: a device and logger, simulated and measured in 2012. */
export interface SeedTableCell {
  /** Device model name, e.g. "sata-hdd". */
  device: string;
  /** Logger name: "truncate-and-copy" (before the patch) or "modified-extents" (the patch). */
  logger: string;
  /** fsyncsim's throughput, in KiB/s written. */
  simulatedKiBps: number;
  /** The patch mail's number for this cell, in KiB/s (fio's "KB/s"). */
  seedKiBps: number;
}

/** Room above the taller of bar and tick for the two-line label, as a fraction of it. */
const LABEL_HEADROOM_RATIO = 1.3;

/** What ran, for the subtitle (the seed job unless a variant was reproduced). */
const SEED_JOB_LINE = "50 MiB of random 4 KiB writes, an fsync after each.";

/** Grouped bars of the seed table, one panel per device, the seed's values as ticks. */
export function seedTableSpec(cells: readonly SeedTableCell[], options: { readonly jobLine?: string } = {}): TopLevelSpec {
  const loggers = loggerOrder(cells.map((c) => c.logger));
  const values = cells.map((c) => ({
    device: deviceLabel(c.device),
    logger: c.logger,
    loggerLabel: loggerLabel(c.logger),
    simulatedKiBps: c.simulatedKiBps,
    seedKiBps: c.seedKiBps,
    simulatedLabel: c.simulatedKiBps.toFixed(1),
    seedLabel: `2012: ${String(c.seedKiBps)}`,
    labelKiBps: Math.max(c.simulatedKiBps, c.seedKiBps),
    headroomKiBps: Math.max(c.simulatedKiBps, c.seedKiBps) * LABEL_HEADROOM_RATIO,
  }));
  const y = { type: "quantitative", title: "written (KiB/s)" } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: "The seed job before and after \"Btrfs: turbo charge fsync\"",
      subtitle: [
        `${options.jobLine ?? SEED_JOB_LINE} Bars and numbers: fsyncsim;`,
        "black tick = the patch's measured value (2012). Each device has its own y scale.",
      ],
    },
    config: CHART_CONFIG,
    data: { values },
    facet: { column: { field: "device", type: "nominal", sort: distinct(values.map((v) => v.device)), title: null, header: { labelFontWeight: "bold", labelFontSize: 13 } } },
    spec: {
      width: 190,
      height: 260,
      encoding: {
        x: { field: "loggerLabel", type: "nominal", sort: loggers.map(loggerLabel), title: null, axis: { labelAngle: 0 } },
      },
      layer: [
        {
          mark: { type: "bar", width: { band: 0.6 } },
          encoding: {
            y: { ...y, field: "simulatedKiBps" },
            // The x axis names the loggers already: no legend.
            color: { ...loggerColor(loggers, "loggerLabel"), legend: null },
          },
        },
        // Vega-Lite's tick "size" is its length across the band, in pixels.
        { mark: { type: "tick", color: "black", opacity: 1, thickness: 3, size: 80 }, encoding: { y: { ...y, field: "seedKiBps" } } },
        // Two lines above the taller of bar and tick: fsyncsim's number, then the 2012 one.
        { mark: { type: "text", baseline: "bottom", dy: -20, fontSize: 13, fontWeight: "bold" }, encoding: { y: { ...y, field: "labelKiBps" }, text: { field: "simulatedLabel" } } },
        { mark: { type: "text", baseline: "bottom", dy: -5, fontSize: 11, color: "#333" }, encoding: { y: { ...y, field: "labelKiBps" }, text: { field: "seedLabel" } } },
        // Invisible points that stretch each panel's y scale so the labels stay inside it.
        { mark: { type: "point", opacity: 0 }, encoding: { y: { ...y, field: "headroomKiBps" } } },
      ],
    },
    resolve: { scale: { y: "independent" } },
  };
}
