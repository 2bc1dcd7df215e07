// Sweep CSV files line by line: a header line, then one line per point starting with its point
// number. Lines are written with csv-stringify (RFC 4180 quoting) and always end in "\n", so a file
// cut short by a killed sweep holds complete lines and at most one incomplete last line. Reading
// splits lines back into fields for `sweep --resume` and `merge`.
import { readFileSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import { InputError, MSG } from "../../lib/index.ts";

/** One CSV line, quoted where needed, ending in "\n". */
export function csvLine(fields: readonly string[]): string {
  return stringify([[...fields]]);
}

/** The fields of one CSV line (without its "\n"), undoing csv-stringify's quoting. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          field += line.slice(i);
          i = line.length;
          break;
        }
        field += line.slice(i, q);
        i = q + 1;
        if (line[i] !== '"') break;
        field += '"';
        i++;
      }
      const comma = line.indexOf(",", i);
      i = comma < 0 ? line.length : comma;
    } else {
      const comma = line.indexOf(",", i);
      field = line.slice(i, comma < 0 ? line.length : comma);
      i = comma < 0 ? line.length : comma;
    }
    fields.push(field);
    if (i >= line.length) return fields;
    i++; // past the comma
  }
}

export interface SweepRow {
  readonly point: number;
  /** 1-based line number in the file. */
  readonly line: number;
  /** The line's text, without its "\n". */
  readonly text: string;
}

export interface SweepCsv {
  /** The header line without its "\n"; undefined if the file holds no complete line. */
  readonly header: string | undefined;
  readonly rows: readonly SweepRow[];
  /** Bytes up to the end of the last complete line. */
  readonly completeBytes: number;
  /** Whether an incomplete line follows the last complete one (a sweep was stopped while writing it). */
  readonly partial: boolean;
}

/** Reads a sweep CSV; undefined if there is no such file. */
export function readSweepCsv(path: string): SweepCsv | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw new InputError(path, MSG.sweepUnreadable(code ?? String(error)));
  }
  const completeBytes = bytes.lastIndexOf(0x0a) + 1;
  const [header, ...lines] = bytes.subarray(0, completeBytes).toString("utf8").split("\n").slice(0, -1);
  const rows = lines.map((text, i): SweepRow => {
    const m = /^(\d+)(,|$)/.exec(text);
    const point = Number(m?.[1]);
    if (m === null || !Number.isSafeInteger(point)) throw new InputError(path, MSG.sweepBadRow(i + 2, text));
    return { point, line: i + 2, text };
  });
  return { header, rows, completeBytes, partial: completeBytes < bytes.length };
}

/** How header line `found` differs from `expected` (named `expectedIn`); undefined if it does not. */
export function headerDifference(found: string, expected: string, expectedIn: string): string | undefined {
  if (found === expected) return undefined;
  const f = csvFields(found);
  const e = csvFields(expected);
  const quoted = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(", ");
  const missing = e.filter((name) => !f.includes(name));
  const extra = f.filter((name) => !e.includes(name));
  const parts = [
    ...(missing.length > 0 ? [`it lacks ${quoted(missing)}`] : []),
    ...(extra.length > 0 ? [`it has ${quoted(extra)}, which ${expectedIn} does not`] : []),
  ];
  if (parts.length > 0) return parts.join("; ");
  const i = f.findIndex((name, j) => name !== e[j]);
  if (i >= 0) return `column ${i + 1} is '${f[i] ?? ""}' here but '${e[i] ?? ""}' in ${expectedIn}`;
  return `the same columns as ${expectedIn}, quoted differently`;
}

/** A whole sweep file: the header, then the rows sorted by point. */
export function sortedSweepCsv(header: string, rows: readonly SweepRow[]): string {
  const sorted = [...rows].sort((a, b) => a.point - b.point);
  return [header, ...sorted.map((r) => r.text)].join("\n") + "\n";
}
