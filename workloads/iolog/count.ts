// The numeric fields of an iolog line. fio reads them with sscanf %llu / %u, which also takes a sign
// (a "-4096" offset wraps to 2^64 - 4096) and silently stops at junk; we take decimal digits only,
// and only values a double holds exactly.
import { InputError } from "../../lib/input-error.ts";
import { IOLOG_MSG } from "./messages.ts";

const DIGITS = /^\d+$/;
/** More digits than this cannot be <= 2^53 - 1 (16 digits). */
const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER).length;

/** Parses `text` as a whole number in [0, max]; `what` names the field in the message. */
export function parseIologCount(what: string, text: string, max: number, where: string): number {
  if (!DIGITS.test(text)) throw new InputError(where, IOLOG_MSG.notCount(what, text));
  const significant = text.length - (/^0*/.exec(text)?.[0].length ?? 0);
  const value = significant > MAX_SAFE_DIGITS ? Number.POSITIVE_INFINITY : Number(text);
  if (value > max) throw new InputError(where, IOLOG_MSG.tooLarge(what, text, max));
  return value;
}
