// One line of a version 2 or 3 fio iolog (fio iolog.c read_iolog), fields separated by whitespace:
//   v2:  FILE ACTION                  ACTION: add, open, close
//        FILE ACTION OFFSET LENGTH    ACTION: read, write, sync, datasync, trim, wait
//   v3:  TIMESTAMP, then the same; no wait.
// fio tells the two forms apart by the number of fields sscanf matched (2 or 4; 3 or 5) and skips
// any other line with a complaint; here it is an error. TIMESTAMP is microseconds since fio opened
// the log (log_io_u, log_file: utime_since_now(&td->io_log_start_time)). sync and datasync carry
// OFFSET and LENGTH too (fio writes the previous I/O's offset and 0), which replay ignores. A wait's
// OFFSET is milliseconds since fio started: replay sleeps until then (read_iolog_get:
// mtime_since_genesis), whatever HOWTO says about microseconds since the previous wait.
import { InputError } from "../../lib/input-error.ts";
import { parseIologCount } from "./count.ts";
import type { IologVersion } from "./version.ts";
import { IOLOG_MSG } from "./messages.ts";

export type IologLine =
  /** add, open or close a file. */
  | { readonly kind: "file"; readonly ttimeUs: number | undefined; readonly fileName: string; readonly action: "add" | "open" | "close" }
  /** read, write or trim `lengthBytes` at `offsetBytes`. */
  | { readonly kind: "io"; readonly ttimeUs: number | undefined; readonly fileName: string; readonly action: "read" | "write" | "trim"; readonly offsetBytes: number; readonly lengthBytes: number }
  /** fsync (sync) or fdatasync (datasync) the file. */
  | { readonly kind: "sync"; readonly ttimeUs: number | undefined; readonly fileName: string; readonly action: "sync" | "datasync" }
  /** v2 only: sleep until `untilMs` after fio started (the FILE field is not looked up). */
  | { readonly kind: "wait"; readonly ttimeUs: undefined; readonly untilMs: number };

type Action = "add" | "open" | "close" | "read" | "write" | "trim" | "sync" | "datasync" | "wait";
const FILE_ACTIONS: ReadonlySet<string> = new Set(["add", "open", "close"]);
const IO_ACTIONS: ReadonlySet<string> = new Set(["read", "write", "trim", "sync", "datasync", "wait"]);

/** fio reads LENGTH as an unsigned int (%u). */
const MAX_LENGTH_BYTES = 2 ** 32 - 1;
/** Largest timestamp whose nanoseconds are exact. */
const MAX_TTIME_US = Math.floor(Number.MAX_SAFE_INTEGER / 1_000);
/** Largest wait whose nanoseconds are exact. */
const MAX_WAIT_MS = Math.floor(Number.MAX_SAFE_INTEGER / 1_000_000);
const WHITESPACE = /\s+/;

/** Parses one non-header line; undefined for a blank line. Throws InputError at `where`. */
export function parseIologLine(text: string, version: IologVersion, where: string): IologLine | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const fields = trimmed.split(WHITESPACE);
  const lead = version === 3 ? 1 : 0;
  const count = fields.length - lead;
  if (count !== 2 && count !== 4) throw new InputError(where, IOLOG_MSG.fieldCount(version, fields.length));
  const fileName = fields[lead] as string;
  const action = fields[lead + 1] as string;
  if (version === 3 && action === "wait") throw new InputError(where, IOLOG_MSG.waitInVersion3());
  if (!FILE_ACTIONS.has(action) && !IO_ACTIONS.has(action)) throw new InputError(where, IOLOG_MSG.unknownAction(version, action));
  if (count === 4 && FILE_ACTIONS.has(action)) throw new InputError(where, IOLOG_MSG.fileActionWithRange(version, action));
  if (count === 2 && IO_ACTIONS.has(action)) throw new InputError(where, IOLOG_MSG.ioActionWithoutRange(version, action));
  const ttimeUs = version === 3 ? parseIologCount("timestamp (us)", fields[0] as string, MAX_TTIME_US, where) : undefined;
  return classify(action as Action, fileName, ttimeUs, fields[lead + 2], fields[lead + 3], where);
}

function classify(
  action: Action, fileName: string, ttimeUs: number | undefined,
  offsetText: string | undefined, lengthText: string | undefined, where: string,
): IologLine {
  switch (action) {
    case "add":
    case "open":
    case "close":
      return { kind: "file", ttimeUs, fileName, action };
    case "wait": {
      const untilMs = parseIologCount("wait time (ms)", offsetText as string, MAX_WAIT_MS, where);
      parseIologCount("length", lengthText as string, MAX_LENGTH_BYTES, where);
      return { kind: "wait", ttimeUs: undefined, untilMs };
    }
    case "sync":
    case "datasync":
      parseIologCount("offset", offsetText as string, Number.MAX_SAFE_INTEGER, where);
      parseIologCount("length", lengthText as string, MAX_LENGTH_BYTES, where);
      return { kind: "sync", ttimeUs, fileName, action };
    case "read":
    case "write":
    case "trim": {
      const offsetBytes = parseIologCount("offset", offsetText as string, Number.MAX_SAFE_INTEGER, where);
      const lengthBytes = parseIologCount("length", lengthText as string, MAX_LENGTH_BYTES, where);
      if (lengthBytes === 0) throw new InputError(where, IOLOG_MSG.zeroLength(action));
      if (offsetBytes + lengthBytes > Number.MAX_SAFE_INTEGER) throw new InputError(where, IOLOG_MSG.pastSafeEnd(offsetBytes, lengthBytes));
      return { kind: "io", ttimeUs, fileName, action, offsetBytes, lengthBytes };
    }
  }
}
