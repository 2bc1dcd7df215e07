// fio's value grammar for the options we read (HOWTO "Parameter types"): integers with an optional
// size suffix, where k/m/g/t/p (with or without a trailing 'b') are powers of kb_base (1024 by
// default) and the IEC spellings kib/mib/... are the *other* base — fio's documented compatibility
// quirk (parse.c __get_mult_bytes). A trailing 'b' alone means bytes. Hex (0x...) is accepted.
// Unlike fio, an unknown suffix is an error rather than a silent multiplier of 1.
import { InputError } from "../../lib/input-error.ts";
import { MSG } from "../../lib/messages.ts";

const SIZE_PATTERN = /^(0x[0-9a-f]+|\d+)\s*([a-z]*)$/i;
const POWERS: Readonly<Record<string, number>> = { k: 1, m: 2, g: 3, t: 4, p: 5 };

/** Parses a size or count such as "4k", "50m", "0x1000", "512"; throws InputError at `where`. */
export function parseFioInteger(key: string, text: string, kbBase: number, where: string): number {
  const t = text.trim();
  if (t.startsWith("-")) throw new InputError(where, MSG.fioNegative(key, text));
  const m = SIZE_PATTERN.exec(t);
  if (m === null) throw new InputError(where, MSG.fioBadInteger(key, text));
  const digits = m[1] as string;
  const base = digits.toLowerCase().startsWith("0x") ? Number.parseInt(digits, 16) : Number.parseInt(digits, 10);
  const multiplier = suffixMultiplier((m[2] as string).toLowerCase(), kbBase);
  if (multiplier === undefined) throw new InputError(where, MSG.fioBadSuffix(key, text));
  const value = base * multiplier;
  if (!Number.isSafeInteger(value)) throw new InputError(where, MSG.fioTooLarge(key, text));
  return value;
}

function suffixMultiplier(suffix: string, kbBase: number): number | undefined {
  if (suffix === "" || suffix === "b") return 1;
  const iec = /^([kmgtp])ib$/.exec(suffix);
  if (iec !== null) return (kbBase === 1024 ? 1000 : 1024) ** (POWERS[iec[1] as string] as number);
  const plain = /^([kmgtp])b?$/.exec(suffix);
  if (plain !== null) return kbBase ** (POWERS[plain[1] as string] as number);
  return undefined;
}

/** Parses a fio bool: "1"/"0", or a bare key (undefined) meaning 1. */
export function parseFioBool(key: string, text: string | undefined, where: string): boolean {
  if (text === undefined) return true;
  const t = text.trim();
  if (t === "1") return true;
  if (t === "0") return false;
  throw new InputError(where, MSG.fioBadBool(key, text));
}

const TIME_PATTERN = /^(\d+)\s*([a-z]*)$/i;
const TIME_UNITS_NS: Readonly<Record<string, number>> = {
  ns: 1, nsec: 1, us: 1e3, usec: 1e3, ms: 1e6, msec: 1e6, s: 1e9, sec: 1e9, m: 60e9, min: 60e9, h: 3600e9, hour: 3600e9, d: 86400e9, day: 86400e9,
};

/**
 * Parses a fio time value (parse.c get_mult_time): a whole number with an optional unit suffix
 * (us, ms, s, m, h, d and their long forms); a bare number is in the option's own unit, `unitNs`.
 */
export function parseFioTime(key: string, text: string, unitNs: number, where: string): number {
  const t = text.trim();
  if (t.startsWith("-")) throw new InputError(where, MSG.fioNegative(key, text));
  const m = TIME_PATTERN.exec(t);
  if (m === null) throw new InputError(where, MSG.fioBadTime(key, text));
  const suffix = (m[2] as string).toLowerCase();
  const unit = suffix === "" ? unitNs : TIME_UNITS_NS[suffix];
  if (unit === undefined) throw new InputError(where, MSG.fioBadTime(key, text));
  const ns = Number.parseInt(m[1] as string, 10) * unit;
  if (!Number.isSafeInteger(ns)) throw new InputError(where, MSG.fioTooLarge(key, text));
  return ns;
}
