// `--set key=value` routes by prefix: `device.X` overrides a device model parameter, a plain key
// overrides a fio job option. Anything else is refused with a suggestion.
import { deviceSpec } from "../devices/index.ts";
import { InputError, MSG, closestMatch, hasParam, type ParamOverride } from "../sim/index.ts";
import { findFioOption, fioOptionNames, type JobOverride } from "../workloads/index.ts";

export interface SetOverrides {
  readonly job: JobOverride[];
  readonly device: ParamOverride[];
}

const GROUPS = ["device"] as const;

/** Splits the repeated `--set` values into job and device overrides for device kind `device`. */
export function parseSetOptions(values: readonly string[], device: string): SetOverrides {
  const job: JobOverride[] = [];
  const deviceOverrides: ParamOverride[] = [];
  const deviceParams = deviceSpec(device).params;
  for (const text of values) {
    const where = `--set ${text}`;
    const eq = text.indexOf("=");
    if (eq <= 0) throw new InputError("--set", MSG.badSetSyntax(text));
    const key = text.slice(0, eq).trim();
    const value = text.slice(eq + 1);
    const dot = key.indexOf(".");
    if (dot < 0) {
      if (findFioOption(key) === undefined && hasParam(deviceParams, key)) {
        throw new InputError(where, MSG.fioUnknownOption(key, `device.${key}`));
      }
      job.push({ key, value, where });
      continue;
    }
    const group = key.slice(0, dot);
    if (group === "device") {
      deviceOverrides.push({ name: key.slice(dot + 1), value, where });
      continue;
    }
    const candidates = [...GROUPS.map((g) => `${g}.${key.slice(dot + 1)}`), ...fioOptionNames()];
    throw new InputError(where, MSG.unknownParam(key, closestMatch(key, candidates), `fio options, or ${GROUPS.map((g) => `${g}.*`).join(", ")}`));
  }
  return { job, device: deviceOverrides };
}
