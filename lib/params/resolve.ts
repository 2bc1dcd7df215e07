// Turning user overrides (`--set device.rotationRpm=5400`) into a table's typed values, checking
// each against its entry: unknown names get a suggestion, numbers their bounds, choices their list.
import { MSG } from "../messages.ts";
import { closestMatch } from "../suggest.ts";
import { InputError } from "../input-error.ts";
import { hasParam, paramDefaults, type ParamSpec, type ParamTable, type ParamValue, type ParamValues } from "./param-table.ts";
import { unitOfParamName } from "./units.ts";

/** One requested override: `name` within the table, its text value, and where it was given. */
export interface ParamOverride {
  readonly name: string;
  readonly value: string;
  /** For error messages: the option it came from, e.g. "--set device.rotationRpm=5400". */
  readonly where: string;
}

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The table's defaults with `overrides` applied in order. `prefix` (e.g. "device.") is only used
 * to name parameters in messages.
 */
export function resolveParams<T extends ParamTable>(
  table: T,
  overrides: readonly ParamOverride[],
  prefix = "",
): ParamValues<T> {
  const values: Record<string, ParamValue> = { ...(paramDefaults(table) as Record<string, ParamValue>) };
  for (const o of overrides) {
    if (!hasParam(table, o.name)) {
      const names = Object.keys(table);
      const suggestion = closestMatch(o.name, names);
      throw new InputError(
        o.where,
        MSG.unknownParam(prefix + o.name, suggestion === undefined ? undefined : prefix + suggestion, names.join(", ")),
      );
    }
    values[o.name] = parseParamValue(table[o.name] as ParamSpec, prefix + o.name, o.value, o.where);
  }
  return values as ParamValues<T>;
}

/** Parses `text` as a value of `spec`; throws InputError at `where` if it is not one. */
export function parseParamValue(spec: ParamSpec, name: string, text: string, where: string): ParamValue {
  switch (spec.kind) {
    case "number": {
      const trimmed = text.trim();
      if (!NUMBER_PATTERN.test(trimmed)) throw new InputError(where, MSG.badNumber(name, text));
      const value = Number(trimmed);
      if (spec.integer === true && !Number.isInteger(value)) throw new InputError(where, MSG.notInteger(name, text));
      if (value < spec.min || value > spec.max) {
        throw new InputError(where, MSG.outOfRange(name, text, spec.min, spec.max, unitOfParamName(name) ?? ""));
      }
      return value;
    }
    case "boolean": {
      const t = text.trim().toLowerCase();
      if (t === "true" || t === "1") return true;
      if (t === "false" || t === "0") return false;
      throw new InputError(where, MSG.badBoolean(name, text));
    }
    case "choice": {
      const t = text.trim();
      if (!spec.choices.includes(t)) throw new InputError(where, MSG.badChoice(name, text, spec.choices));
      return t;
    }
  }
}
