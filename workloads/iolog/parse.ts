// A fio iolog (version 2 or 3; fio iolog.c init_iolog_read, read_iolog) read into the operations a
// replaying process issues. Files are numbered in the order of their "add" lines, which issue
// nothing. Every other line must name an added file, and I/O, syncs and close need it open: fio 3.33
// aborts on I/O to an unopened file (get_file assertion) and on a second open (td_io_open_file);
// HOWTO asks for the open before a close. v3 timestamps become `atNs`, counted from the first line's
// (clamped at 0 if a later one is earlier). fio replays them as gaps from the previous issue
// (delay_since_ttime, iolog_delay), so it slips later when an I/O outlasts its gap; atNs keeps to
// the recorded times. A v2 wait becomes a wait of 0 ns with atNs at its time: fio sleeps until
// OFFSET ms after it started (read_iolog_get), or not at all if that has passed.
import { readInputText } from "../../lib/read-input.ts";
import { InputError } from "../../lib/input-error.ts";
import type { IoOp } from "../ops.ts";
import { readIologHeader } from "./header.ts";
import { parseIologLine, type IologLine } from "./line.ts";
import { IOLOG_MSG } from "./messages.ts";

export interface IologFile {
  readonly name: string;
  /** largest offset+length any read/write/trim line touches, bytes */
  readonly extentBytes: number;
}

export interface IologTrace {
  /** the iolog path as given */
  readonly file: string;
  readonly version: 2 | 3;
  /** in the order the log adds them */
  readonly files: readonly IologFile[];
  /** in log order; `file` is an index into files */
  readonly ops: readonly IoOp[];
}

/** Where each file stands while the log is read. */
interface FileState {
  readonly name: string;
  readonly index: number;
  readonly addedLine: number;
  extentBytes: number;
  /** Line of the open that holds it open, or 0 when closed. */
  openLine: number;
}

/** Parses an iolog's text; `file` names it in errors ("FILE:LINE"). */
export function parseIolog(text: string, file: string): IologTrace {
  const lines = text.split("\n");
  const version = readIologHeader(lines[0], `${file}:1`);
  const files: FileState[] = [];
  const byName = new Map<string, FileState>();
  const ops: IoOp[] = [];
  let firstTtimeUs: number | undefined;
  let issuesIo = false;
  let lastLineNumber = 1;

  for (let i = 1; i < lines.length; i++) {
    const lineNumber = i + 1;
    const where = `${file}:${lineNumber}`;
    const line = parseIologLine(lines[i] as string, version, where);
    if (line === undefined) continue;
    lastLineNumber = lineNumber;
    if (line.ttimeUs !== undefined) firstTtimeUs ??= line.ttimeUs;
    const atNs = line.ttimeUs === undefined ? undefined : Math.max(0, line.ttimeUs - (firstTtimeUs as number)) * 1_000;

    if (line.kind === "wait") {
      issuesIo = true;
      ops.push({ kind: "wait", durationNs: 0, atNs: line.untilMs * 1_000_000 });
      continue;
    }
    if (line.kind === "file" && line.action === "add") {
      const added = byName.get(line.fileName);
      if (added !== undefined) throw new InputError(where, IOLOG_MSG.addedTwice(line.fileName, added.addedLine));
      const state: FileState = { name: line.fileName, index: files.length, addedLine: lineNumber, extentBytes: 0, openLine: 0 };
      files.push(state);
      byName.set(line.fileName, state);
      continue;
    }
    const f = byName.get(line.fileName);
    if (f === undefined) throw new InputError(where, IOLOG_MSG.notAdded(line.fileName, line.action));
    const op = toOp(line, f, lineNumber, where);
    ops.push(atNs === undefined ? op : { ...op, atNs });
    if (line.kind === "io") issuesIo = true;
  }
  if (!issuesIo) throw new InputError(`${file}:${lastLineNumber}`, IOLOG_MSG.noIo());
  return { file, version, files: files.map(({ name, extentBytes }) => ({ name, extentBytes })), ops };
}

/** The operation for a line on an added file; updates the file's open state and extent. */
function toOp(line: Exclude<IologLine, { kind: "wait" }>, f: FileState, lineNumber: number, where: string): IoOp {
  switch (line.kind) {
    case "file":
      if (line.action === "open") {
        if (f.openLine !== 0) throw new InputError(where, IOLOG_MSG.alreadyOpen(f.name, f.openLine));
        f.openLine = lineNumber;
        return { kind: "open", file: f.index };
      }
      requireOpen(f, line.action, where);
      f.openLine = 0;
      return { kind: "close", file: f.index };
    case "sync":
      requireOpen(f, line.action, where);
      return { kind: line.action === "sync" ? "fsync" : "fdatasync", file: f.index };
    case "io":
      if (line.action === "trim") throw new InputError(where, IOLOG_MSG.trimNotSimulated());
      requireOpen(f, line.action, where);
      f.extentBytes = Math.max(f.extentBytes, line.offsetBytes + line.lengthBytes);
      return { kind: line.action, file: f.index, offsetBytes: line.offsetBytes, lengthBytes: line.lengthBytes };
  }
}

function requireOpen(f: FileState, action: string, where: string): void {
  if (f.openLine === 0) throw new InputError(where, IOLOG_MSG.notOpen(f.name, action));
}

/** Reads and parses the iolog at `path`; an unreadable file is an InputError at `path`. */
export function readIolog(path: string): IologTrace {
  return parseIolog(readInputText(path, IOLOG_MSG.unreadable), path);
}
