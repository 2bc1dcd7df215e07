// `--set key=value` routes by prefix: `device.X` overrides a device model parameter, `GROUP.X` a
// filesystem parameter of that group (each filesystem names its groups: btrfs.X, cpu.X); a plain
// key overrides a fio job option. Anything else is refused with a suggestion.
import { InputError, MSG, closestMatch, hasParam, type ParamOverride, type ParamTable } from "../lib/index.ts";
import { fsParamGroups } from "../run/index.ts";
import { findFioOption, fioOptionNames, type JobOverride } from "../workloads/index.ts";

export interface SetOverrides {
  readonly job: JobOverride[];
  readonly device: ParamOverride[];
  /** Filesystem parameter overrides, by group (`btrfs`, `cpu`). */
  readonly fs: Record<string, ParamOverride[]>;
}

const DEVICE_GROUP = "device";

/**
 * Splits the repeated `--set` values. `deviceTables` are the parameter tables of the device(s) the
 * command runs, used only to suggest `device.X` for a bare `X`.
 */
export function parseSetOptions(values: readonly string[], deviceTables: readonly ParamTable[]): SetOverrides {
  const out: SetOverrides = { job: [], device: [], fs: {} };
  const fsGroups = fsParamGroups();
  const tables = new Map<string, readonly ParamTable[]>([[DEVICE_GROUP, deviceTables], ...[...fsGroups].map(([g, group]): [string, readonly ParamTable[]] => [g, [group.table]])]);
  const groups = [...tables.keys()];
  for (const text of values) {
    const where = `--set ${text}`;
    const eq = text.indexOf("=");
    if (eq <= 0) throw new InputError("--set", MSG.badSetSyntax(text));
    const key = text.slice(0, eq).trim();
    const value = text.slice(eq + 1);
    const dot = key.indexOf(".");
    if (dot < 0) {
      if (findFioOption(key) === undefined) {
        const group = groups.find((g) => (tables.get(g) ?? []).some((t) => hasParam(t, key)));
        if (group !== undefined) throw new InputError(where, MSG.fioUnknownOption(key, `${group}.${key}`));
      }
      out.job.push({ key, value, where });
      continue;
    }
    const group = key.slice(0, dot);
    const name = key.slice(dot + 1);
    if (group === DEVICE_GROUP) {
      out.device.push({ name, value, where });
      continue;
    }
    if (fsGroups.has(group)) {
      (out.fs[group] ??= []).push({ name, value, where });
      continue;
    }
    const candidates = [...groups.map((g) => `${g}.${name}`), ...fioOptionNames()];
    throw new InputError(where, MSG.unknownParam(key, closestMatch(key, candidates), `fio options, or ${groups.map((g) => `${g}.*`).join(", ")}`));
  }
  return out;
}
