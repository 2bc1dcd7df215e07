// The first line of a fio iolog names its version (fio iolog.c init_iolog_read): "fio version 2
// iolog" (fio 1.17 on) or "fio version 3 iolog" (fio 3.31 on, which writes only version 3). Version 1
// had no header ("rw, offset, length" lines) and fio has refused it since 1.20; so do we. fio
// compares only the header's prefix; we want the whole line.
import { InputError } from "../../lib/input-error.ts";
import { IOLOG_MSG } from "./messages.ts";
import type { IologVersion } from "./version.ts";


const HEADERS: ReadonlyMap<string, IologVersion> = new Map([
  ["fio version 2 iolog", 2],
  ["fio version 3 iolog", 3],
]);
const VERSION_1_LINE = /^\s*\d+\s*,\s*\d+\s*,\s*\d+\s*$/;

/** The version the header line declares; throws InputError at `where` (line 1). */
export function readIologHeader(line: string | undefined, where: string): IologVersion {
  const text = (line ?? "").trim();
  if (text === "") throw new InputError(where, IOLOG_MSG.noHeader());
  const version = HEADERS.get(text);
  if (version !== undefined) return version;
  if (VERSION_1_LINE.test(text)) throw new InputError(where, IOLOG_MSG.version1());
  throw new InputError(where, IOLOG_MSG.badHeader(text));
}
