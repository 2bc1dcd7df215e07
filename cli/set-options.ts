// `--set key=value` routes by prefix: `device.X` overrides a device model parameter, `btrfs.X` a
// btrfs model parameter, `cpu.X` a CPU cost; a plain key overrides a fio job option. Anything else
// is refused with a suggestion.
import { BTRFS_PARAMS, CPU_PARAMS } from "../btrfs/index.ts";
import { InputError, MSG, closestMatch, hasParam, type ParamOverride, type ParamTable } from "../lib/index.ts";
import { findFioOption, fioOptionNames, type JobOverride } from "../workloads/index.ts";

export interface SetOverrides {
  readonly job: JobOverride[];
  readonly device: ParamOverride[];
  readonly btrfs: ParamOverride[];
  readonly cpu: ParamOverride[];
}

const GROUPS = ["device", "btrfs", "cpu"] as const;
type Group = (typeof GROUPS)[number];

/**
 * Splits the repeated `--set` values. `deviceTables` are the parameter tables of the device(s) the
 * command runs, used only to suggest `device.X` for a bare `X`.
 */
export function parseSetOptions(values: readonly string[], deviceTables: readonly ParamTable[]): SetOverrides {
  const out: SetOverrides = { job: [], device: [], btrfs: [], cpu: [] };
  const tables: Record<Group, readonly ParamTable[]> = { device: deviceTables, btrfs: [BTRFS_PARAMS], cpu: [CPU_PARAMS] };
  for (const text of values) {
    const where = `--set ${text}`;
    const eq = text.indexOf("=");
    if (eq <= 0) throw new InputError("--set", MSG.badSetSyntax(text));
    const key = text.slice(0, eq).trim();
    const value = text.slice(eq + 1);
    const dot = key.indexOf(".");
    if (dot < 0) {
      if (findFioOption(key) === undefined) {
        const group = GROUPS.find((g) => tables[g].some((t) => hasParam(t, key)));
        if (group !== undefined) throw new InputError(where, MSG.fioUnknownOption(key, `${group}.${key}`));
      }
      out.job.push({ key, value, where });
      continue;
    }
    const group = key.slice(0, dot);
    const name = key.slice(dot + 1);
    if ((GROUPS as readonly string[]).includes(group)) {
      out[group as Group].push({ name, value, where });
      continue;
    }
    const candidates = [...GROUPS.map((g) => `${g}.${name}`), ...fioOptionNames()];
    throw new InputError(where, MSG.unknownParam(key, closestMatch(key, candidates), `fio options, or ${GROUPS.map((g) => `${g}.*`).join(", ")}`));
  }
  return out;
}
