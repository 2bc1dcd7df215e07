// Every message about a bad fio iolog, in one place (style guide P12), so tests compare against these
// functions rather than copied strings. Each says what is wrong and what fio's grammar expects.
import type { IologVersion } from "./version.ts";

const HEADERS = "'fio version 2 iolog' or 'fio version 3 iolog'";
const FILE_ACTIONS = "add, open, close";
const IO_ACTIONS: Readonly<Record<IologVersion, string>> = {
  2: "read, write, sync, datasync, trim, wait",
  3: "read, write, sync, datasync, trim",
};
const STAMP: Readonly<Record<IologVersion, string>> = { 2: "", 3: "TIMESTAMP " };

export const IOLOG_MSG = {
  unreadable: (reason: string) => `cannot read iolog: ${reason}`,

  // --- the header line ---
  noHeader: () => `line 1 is empty: expected the header ${HEADERS}`,
  version1: () =>
    `a version 1 iolog ('rw, offset, length' lines, no header; fio < 1.20) is not read: only versions 2 and 3 are, whose line 1 is ${HEADERS}`,
  badHeader: (line: string) =>
    `'${line}' is not an iolog header: expected ${HEADERS} on line 1 (only versions 2 and 3 are read)`,

  // --- the shape of a line ---
  fieldCount: (version: IologVersion, count: number) =>
    `${count} fields: a version ${version} iolog line is '${STAMP[version]}FILE ACTION' (${FILE_ACTIONS}) or '${STAMP[version]}FILE ACTION OFFSET LENGTH' (${IO_ACTIONS[version]})`,
  unknownAction: (version: IologVersion, action: string) =>
    `unknown action '${action}': a version ${version} iolog knows ${FILE_ACTIONS}, ${IO_ACTIONS[version]}`,
  fileActionWithRange: (version: IologVersion, action: string) =>
    `'${action}' takes no offset or length: expected '${STAMP[version]}FILE ${action}'`,
  ioActionWithoutRange: (version: IologVersion, action: string) =>
    `'${action}' needs an offset and a length: expected '${STAMP[version]}FILE ${action} OFFSET LENGTH' (fio writes them for syncs too, e.g. 'FILE sync 4096 0')`,
  waitInVersion3: () => "'wait' is not allowed in a version 3 iolog (fio ignores it there; the timestamps give the timing)",

  // --- numbers ---
  notCount: (what: string, text: string) => `${what} '${text}' is not a whole number (expected decimal digits, no sign)`,
  tooLarge: (what: string, text: string, max: number) => `${what} ${text} is too large (at most ${max})`,
  pastSafeEnd: (offset: number, length: number) =>
    `offset ${offset} + length ${length} ends past ${Number.MAX_SAFE_INTEGER} bytes (2^53 - 1), the largest position held exactly`,
  zeroLength: (action: string) => `'${action}' of 0 bytes: expected a length of at least 1 byte`,

  // --- files ---
  notAdded: (name: string, action: string) =>
    `'${action}' of '${name}', which no earlier line adds: expected '${name} add' before it`,
  addedTwice: (name: string, firstLine: number) => `'${name}' is added again (first added on line ${firstLine})`,
  notOpen: (name: string, action: string) =>
    `'${action}' of '${name}', which is not open: expected '${name} open' before it (fio replays I/O only on open files)`,
  alreadyOpen: (name: string, openedLine: number) =>
    `'${name}' is opened again while open (opened on line ${openedLine}); fio aborts on this: expected a 'close' first`,

  // --- what fsyncsim does not simulate ---
  trimNotSimulated: () => "trim is not simulated (fsyncsim models no discard); remove the trim lines to replay the rest",
  noIo: () => "no read, write or wait line: fio refuses to replay an iolog without I/O",
} as const;
