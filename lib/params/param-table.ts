// Parameters as typed tables: every model (device, filesystem, CPU) declares its knobs in one table,
// each entry with a unit-suffixed name, a default, bounds, one line of help and a source. The CLI's
// `devices` listing, `--set` overrides, the results metadata and docs/ are all generated from these
// tables, so a parameter cannot exist without its source. Shape after fio's struct fio_option.

/** How well a parameter's default is anchored (labels of docs/sources.md §L). */
export const SOURCE_STATUS = {
  confirmed: "confirmed in the cited source",
  secondary: "seen only in a secondary source",
  derived: "derived from confirmed numbers",
  unconfirmed: "unconfirmed: plausibility only",
  calibrated: "calibrated against the seed table",
  convention: "a modelling convention, not a measurement",
} as const;
export type SourceStatus = keyof typeof SOURCE_STATUS;

interface ParamBase {
  /** One line saying what the parameter does. */
  readonly help: string;
  /** Where the default comes from: datasheet, kernel code, paper, or the seed table. */
  readonly source: string;
  readonly status: SourceStatus;
}

/**
 * How far an unconfirmed value may plausibly be from its default: the range the uncertainty bands
 * sample (uniformly, or each value alike), and why that range.
 */
export interface NumberUncertainty {
  readonly low: number;
  readonly high: number;
  readonly why: string;
}

export interface ValuesUncertainty<V> {
  readonly values: readonly V[];
  readonly why: string;
}

/** A number; its unit is the suffix of its name (see units.ts). */
export interface NumberParamSpec extends ParamBase {
  readonly kind: "number";
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Only whole numbers are accepted. */
  readonly integer?: boolean;
  /** For an unconfirmed default: the plausible range (within min..max). */
  readonly uncertainty?: NumberUncertainty;
}

export interface BooleanParamSpec extends ParamBase {
  readonly kind: "boolean";
  readonly default: boolean;
  /** For an unconfirmed default: the plausible values. */
  readonly uncertainty?: ValuesUncertainty<boolean>;
}

export interface ChoiceParamSpec extends ParamBase {
  readonly kind: "choice";
  readonly choices: readonly string[];
  readonly default: string;
  /** For an unconfirmed default: the plausible choices. */
  readonly uncertainty?: ValuesUncertainty<string>;
}

export type ParamSpec = NumberParamSpec | BooleanParamSpec | ChoiceParamSpec;
export type ParamTable = Readonly<Record<string, ParamSpec>>;
export type ParamValue = number | boolean | string;

/** The value type of one entry (for the wide ParamSpec, any ParamValue). */
type ValueOf<S> = S extends { kind: "number" } ? number : S extends { kind: "boolean" } ? boolean : S extends { choices: readonly (infer C)[] } ? C : never;

/** The resolved values of a table, typed entry by entry. */
export type ParamValues<T extends ParamTable> = { readonly [K in keyof T]: ValueOf<T[K]> };

/** The table's defaults as values. */
export function paramDefaults<T extends ParamTable>(table: T): ParamValues<T> {
  const values: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(table)) values[name] = spec.default;
  return values as ParamValues<T>;
}

/** True if `name` is an entry of `table` itself (never an inherited property such as `constructor`). */
export function hasParam(table: ParamTable, name: string): boolean {
  return Object.hasOwn(table, name);
}
