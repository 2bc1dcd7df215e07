// `fsyncsim validate`: every published measurement in validation/cases.ts against the model, in the
// measurement's own unit, each labelled fitted (a calibration used it) or predicted. The summary
// counts only predicted cases: a fitted case's error is true by construction. A case the model
// cannot run is reported with its error, and the command then exits 1 (a workload that was
// measured on a real kernel must run).
import { InputError, closestMatch } from "../../lib/index.ts";
import { createRunPool, runValidation, type ValidationRow } from "../../run/index.ts";
import { FITTED, VALIDATION_CASES } from "../../validation/cases.ts";
import { toCsv } from "../format/csv.ts";
import { toJson } from "../format/run-json.ts";
import { fixed } from "../format/units.ts";
import type { CliIo } from "../io.ts";
import { startProgress } from "../progress.ts";

export const VALIDATE_FORMATS = ["table", "csv", "json"] as const;

export interface ValidateCommandOptions {
  readonly seed: number;
  /** Case ids to run (repeatable --case); all when empty. */
  readonly cases: readonly string[];
  readonly format: (typeof VALIDATE_FORMATS)[number];
  readonly workers: number;
  /** Uncertainty samples per case (0: no bands). */
  readonly samples: number;
}

/** Samples per case when --samples is not given: see docs/calibration.md, "Uncertainty bands". */
export const DEFAULT_BAND_SAMPLES = 16;

/** The predicted cases within this of their measurement count as met in the summary. */
export const PREDICTION_TOLERANCE_PCT = 25;

const COLUMNS = ["case", "device", "logger", "unit", "measured", "simulated", "error_pct", "status", "band_low", "band_high"] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

/** Runs the cases and prints them; returns the exit status (1 if a case could not be run). */
export async function validateCommand(io: CliIo, options: ValidateCommandOptions, version: string): Promise<number> {
  const ids = VALIDATION_CASES.map((c) => c.id);
  for (const id of options.cases) {
    if (!ids.includes(id)) {
      const guess = closestMatch(id, ids);
      throw new InputError(`--case ${id}`, `no validation case '${id}'${guess === undefined ? "" : `; did you mean '${guess}'?`} (cases: ${ids.join(", ")})`);
    }
  }
  const progress = startProgress(io, "validate", "cases");
  const pool = createRunPool(options.workers);
  let rows: ValidationRow[];
  try {
    rows = await runValidation({ seed: options.seed, cases: options.cases.length > 0 ? options.cases : undefined, samples: options.samples, onCase: (d, t) => progress.update(d, t) }, pool);
  } finally {
    progress.stop();
    await pool.destroy();
  }
  for (const r of rows) if (r.error !== undefined) io.stderr.write(`fsyncsim: error: case ${r.case.id}: ${r.error}\n`);
  const text =
    options.format === "csv"
      ? toCsv(COLUMNS, rows.map(csvRow))
      : options.format === "json"
        ? toJson({ tool: "fsyncsim", version, seed: options.seed, samples: options.samples, tolerancePct: PREDICTION_TOLERANCE_PCT, fitted: FITTED, cases: rows.map(jsonRow) })
        : validateTable(rows);
  io.stdout.write(text);
  return rows.some((r) => r.error !== undefined) ? 1 : 0;
}

function csvRow(r: ValidationRow): Row {
  return {
    case: r.case.id,
    device: r.case.device,
    logger: r.case.logger,
    unit: r.case.unit,
    measured: String(r.case.measured),
    simulated: r.simulated === undefined ? "" : fixed(r.simulated, 3),
    error_pct: r.errorPct === undefined ? "" : fixed(r.errorPct, 2),
    status: r.error === undefined ? r.status : "error",
    band_low: r.band === undefined ? "" : fixed(r.band.low, 3),
    band_high: r.band === undefined ? "" : fixed(r.band.high, 3),
  };
}

function jsonRow(r: ValidationRow): object {
  const c = r.case;
  return { case: c.id, source: c.source, job: c.job, device: c.device, logger: c.logger, kernel: c.kernel, unit: c.unit, measured: c.measured, simulated: r.simulated ?? null, errorPct: r.errorPct ?? null, status: r.status, band: r.band ?? null, error: r.error ?? null, note: c.note };
}

const pct = (x: number): string => `${x >= 0 ? "+" : ""}${fixed(x, 1)} %`;

/** The table a person reads: one line per case, then what the predicted cases say. */
export function validateTable(rows: readonly ValidationRow[]): string {
  const lines = [
    "Published measurements against the model (validation/cases.ts), each in its own unit",
    "",
    `${"case".padEnd(22)}${"device".padEnd(16)}${"logger".padEnd(20)}${"unit".padEnd(18)}${"measured".padStart(9)}${"simulated".padStart(11)}${"error".padStart(10)}  ${"status".padEnd(10)}  band`,
  ];
  for (const r of rows) {
    const c = r.case;
    const sim = r.simulated === undefined ? "-" : fixed(r.simulated, 1);
    const err = r.errorPct === undefined ? "-" : pct(r.errorPct);
    const spread = r.band === undefined ? "" : `${fixed(r.band.low, 1)} .. ${fixed(r.band.high, 1)}`;
    lines.push(`${c.id.padEnd(22)}${c.device.padEnd(16)}${c.logger.padEnd(20)}${c.unit.padEnd(18)}${String(c.measured).padStart(9)}${sim.padStart(11)}${err.padStart(10)}  ${r.error === undefined ? `${r.status.padEnd(10)}  ${spread}`.trimEnd() : `error: ${r.error}`}`);
  }
  const predicted = rows.filter((r) => r.status === "predicted" && r.errorPct !== undefined);
  const met = predicted.filter((r) => Math.abs(r.errorPct as number) <= PREDICTION_TOLERANCE_PCT);
  const fitted = rows.filter((r) => r.status === "fitted");
  lines.push(
    "",
    `predicted: ${predicted.length} case(s), ${met.length} within ±${PREDICTION_TOLERANCE_PCT} % of the measurement`,
    `fitted: ${fitted.length} case(s), used by the calibration (${FITTED.map((f) => f.parameter).join(", ")}): their errors test nothing`,
  );
  return `${lines.join("\n")}\n`;
}
