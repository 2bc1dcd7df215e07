// Typed reads of one job's raw options (text plus where it came from): each reader applies the
// option's table entry (type, default, bounds, choices, values not simulated) and throws an
// InputError naming the file and line, or the --set flag, of the offending value.
import { MSG } from "../../lib/messages.ts";
import { InputError } from "../../lib/input-error.ts";
import { findFioOption, type FioOption } from "./options.ts";
import { parseFioBool, parseFioInteger, parseFioTime } from "./values.ts";

export interface RawValue {
  /** The text after '=', or undefined for a bare key. */
  readonly text: string | undefined;
  /** "FILE:LINE" or "--set key=value". */
  readonly where: string;
}

/** A job's options by canonical key, after [global] inheritance and --set overrides. */
export type RawOptions = Map<string, RawValue>;

export class OptionReader {
  readonly kbBase: number;
  private readonly raw: RawOptions;
  /** Where to point when an option was not given (the job file). */
  private readonly file: string;

  constructor(raw: RawOptions, file: string) {
    this.raw = raw;
    this.file = file;
    this.kbBase = Number(this.choice("kb_base"));
  }

  has(key: string): boolean {
    return this.raw.has(key);
  }

  /** Where the option's value came from, or the job file when it was not given. */
  where(key: string): string {
    return this.raw.get(key)?.where ?? this.file;
  }

  /** The option's text as written (undefined when not given); refuses a missing value. */
  text(key: string): string | undefined {
    const v = this.raw.get(key);
    if (v !== undefined && v.text === undefined && option(key).type !== "bool") throw new InputError(v.where, MSG.fioMissingValue(key));
    return v?.text;
  }

  /** The option's text, or its default. */
  textOrDefault(key: string): string | undefined {
    return this.text(key) ?? option(key).default;
  }

  choice(key: string): string {
    const o = option(key);
    const text = this.textOrDefault(key) ?? "";
    const where = this.where(key);
    if (!(o.choices ?? []).includes(text)) throw new InputError(where, MSG.fioBadChoice(key, text, o.choices ?? []));
    const why = o.notSimulated?.[text];
    if (why !== undefined) throw new InputError(where, MSG.fioNotSimulated(key, text, why));
    return text;
  }

  /** A size or count; undefined when neither given nor defaulted. */
  integer(key: string): number | undefined {
    const text = this.textOrDefault(key);
    if (text === undefined) return undefined;
    const where = this.where(key);
    const o = option(key);
    const n = parseFioInteger(key, text, this.kbBase, where);
    this.checkBounds(o, n, text, where);
    return n;
  }

  /** A duration in ns; undefined when neither given nor defaulted. */
  time(key: string): number | undefined {
    const text = this.textOrDefault(key);
    if (text === undefined) return undefined;
    const o = option(key);
    const ns = parseFioTime(key, text, o.unitNs ?? 1e9, this.where(key));
    this.checkBounds(o, ns, text, this.where(key));
    return ns;
  }

  bool(key: string): boolean {
    const v = this.raw.get(key);
    return v === undefined ? option(key).default === "1" : parseFioBool(key, v.text, v.where);
  }

  /** Every option given, as text (canonical key -> text; a bare bool key as "1"). */
  asText(): Record<string, string> {
    return Object.fromEntries([...this.raw].map(([k, v]) => [k, v.text ?? "1"]));
  }

  private checkBounds(o: FioOption, n: number, text: string, where: string): void {
    if (o.min !== undefined && n < o.min) {
      throw new InputError(where, o.min === 1 && n === 0 ? MSG.fioZero(o.key) : MSG.fioBelowMin(o.key, text, o.min));
    }
    if (o.max !== undefined && n > o.max) throw new InputError(where, MSG.fioAboveMax(o.key, text, o.max));
  }
}

function option(key: string): FioOption {
  const o = findFioOption(key);
  if (o === undefined) throw new Error(`no fio option '${key}' in the table`);
  return o;
}
