// A model's parameter table for people (the `devices` command) and as flat rows (CSV/JSON and
// docs/), generated from the same typed table the model reads.
import { SOURCE_STATUS, unitOfParamName, type ParamSpec, type ParamTable } from "../../lib/index.ts";

export const PARAM_COLUMNS = ["model", "name", "default", "unit", "min", "max", "choices", "status", "help", "source", "plausible"] as const;
export type ParamRow = Readonly<Record<(typeof PARAM_COLUMNS)[number], string>>;

export function paramRows(model: string, table: ParamTable): ParamRow[] {
  return Object.entries(table).map(([name, spec]) => ({
    model,
    name,
    default: String(spec.default),
    unit: spec.kind === "number" ? (unitOfParamName(name) ?? "") : "",
    min: spec.kind === "number" ? String(spec.min) : "",
    max: spec.kind === "number" ? String(spec.max) : "",
    choices: spec.kind === "choice" ? spec.choices.join("|") : spec.kind === "boolean" ? "true|false" : "",
    status: spec.status,
    help: spec.help,
    source: spec.source,
    plausible: plausible(spec),
  }));
}

/** An unconfirmed parameter's plausible range (what the uncertainty bands sample), or "". */
export function plausible(spec: ParamSpec): string {
  if (spec.uncertainty === undefined) return "";
  if ("low" in spec.uncertainty) return `${spec.uncertainty.low} .. ${spec.uncertainty.high}: ${spec.uncertainty.why}`;
  return `${spec.uncertainty.values.join("|")}: ${spec.uncertainty.why}`;
}

/** Human-readable listing of one model's table, two lines per parameter. */
export function paramListing(table: ParamTable): string {
  return Object.entries(table)
    .map(([name, spec]) => `  ${name} = ${describeDefault(name, spec)}   ${range(spec)}   [${spec.status}]\n      ${spec.help}. Source: ${spec.source}${spec.uncertainty === undefined ? "" : `\n      Plausible: ${plausible(spec)}`}`)
    .join("\n");
}

function describeDefault(name: string, spec: ParamSpec): string {
  const unit = spec.kind === "number" ? unitOfParamName(name) : undefined;
  return unit === undefined || unit === "count" || unit === "ratio" ? String(spec.default) : `${String(spec.default)} ${unit}`;
}

function range(spec: ParamSpec): string {
  if (spec.kind === "number") return `(${spec.min} .. ${spec.max}${spec.integer === true ? ", whole" : ""})`;
  if (spec.kind === "choice") return `(one of ${spec.choices.join(", ")})`;
  return "(true or false)";
}

/** Legend of the status labels. */
export function statusLegend(): string {
  return Object.entries(SOURCE_STATUS).map(([k, v]) => `  ${k}: ${v}`).join("\n");
}
