// The parameters a reproduction ran with, for the report: each device's table and the
// filesystem's groups (btrfs, CPU), with the value used beside the default, unit, status and
// source from the typed tables.
import { DEVICE_MODELS, type DeviceKind } from "../devices/index.ts";
import { unitOfParamName, type ParamTable, type ParamValue } from "../lib/index.ts";
import { fsParamGroups } from "../run/index.ts";
import type { ReportParameter } from "./page.ts";

export interface ParameterSource {
  readonly device: string;
  readonly deviceParams: Readonly<Record<string, ParamValue>>;
  readonly modelParams: Readonly<Record<string, Readonly<Record<string, ParamValue>>>>;
}

export function parameterGroups(runs: readonly ParameterSource[]): Array<{ group: string; rows: ReportParameter[] }> {
  const groups: Array<{ group: string; rows: ReportParameter[] }> = [];
  const seen = new Set<string>();
  for (const r of runs) {
    if (seen.has(r.device) || !(r.device in DEVICE_MODELS)) continue;
    seen.add(r.device);
    groups.push({ group: `device ${r.device}`, rows: rows(DEVICE_MODELS[r.device as DeviceKind].params, r.deviceParams, "device.") });
  }
  const first = runs[0];
  for (const [name, group] of fsParamGroups()) {
    const values = first?.modelParams[name];
    if (values !== undefined) groups.push({ group: group.title, rows: rows(group.table, values, `${name}.`) });
  }
  return groups;
}

function rows(table: ParamTable, values: Readonly<Record<string, ParamValue>>, prefix: string): ReportParameter[] {
  return Object.entries(table).map(([name, spec]) => ({
    name: `${prefix}${name}`,
    value: String(values[name] ?? spec.default),
    defaultValue: String(spec.default),
    unit: spec.kind === "number" ? (unitOfParamName(name) ?? "") : "",
    status: spec.status,
    source: spec.source,
  }));
}
