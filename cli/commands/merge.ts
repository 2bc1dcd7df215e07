// `fsyncsim merge OUT IN...`: joins the files of a sharded sweep (`sweep --shard K/N`) into the one
// file the whole sweep would have written: same header in every input, no point twice, rows in
// point order, written atomically. --expect N checks that exactly the points 0..N-1 are there.
import { InputError, MSG } from "../../lib/index.ts";
import { writeFileAtomically } from "../atomic-write.ts";
import type { CliIo } from "../io.ts";
import { headerDifference, readSweepCsv, sortedSweepCsv, type SweepRow } from "../sweep/sweep-csv.ts";

export interface MergeOptions {
  /** `--expect N`, unparsed. */
  readonly expect: string | undefined;
}

/** How many missing points a message lists. */
const MISSING_SHOWN = 10;

export function mergeCommand(io: CliIo, out: string, inputs: readonly string[], options: MergeOptions): void {
  const expect = options.expect === undefined ? undefined : parseExpect(options.expect);
  let header: { text: string; file: string } | undefined;
  const rows = new Map<number, SweepRow & { file: string }>();
  for (const file of inputs) {
    const csv = readSweepCsv(file);
    if (csv === undefined) throw new InputError(file, MSG.sweepUnreadable("no such file"));
    if (csv.header === undefined) throw new InputError(file, MSG.mergeNoHeader());
    if (csv.partial) throw new InputError(file, MSG.mergePartialRow());
    if (header === undefined) header = { text: csv.header, file };
    const difference = headerDifference(csv.header, header.text, header.file);
    if (difference !== undefined) throw new InputError(file, MSG.mergeHeaderDiffers(difference));
    for (const row of csv.rows) {
      const previous = rows.get(row.point);
      if (previous !== undefined) throw new InputError(file, MSG.sweepPointTwice(row.point, `${previous.file}:${previous.line}`, `${file}:${row.line}`));
      rows.set(row.point, { ...row, file });
    }
  }
  if (header === undefined) throw new Error("merge needs at least one input");
  if (expect !== undefined) checkExpected([...rows.keys()], expect);
  writeFileAtomically(out, sortedSweepCsv(header.text, [...rows.values()]), out);
  io.stdout.write(`merge: ${rows.size} points from ${inputs.length} files into ${out}\n`);
}

function parseExpect(text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n)) throw new InputError(`--expect ${text}`, MSG.mergeBadExpect(text));
  return n;
}

/** Exactly the points 0..expect-1. */
function checkExpected(points: readonly number[], expect: number): void {
  const beyond = points.filter((p) => p >= expect).sort((a, b) => a - b)[0];
  if (beyond !== undefined) throw new InputError(`--expect ${expect}`, MSG.mergeBeyond(beyond, expect));
  if (points.length === expect) return;
  const present = new Set(points);
  const missing: number[] = [];
  for (let p = 0; p < expect && missing.length < MISSING_SHOWN; p++) if (!present.has(p)) missing.push(p);
  throw new InputError(`--expect ${expect}`, MSG.mergeMissing(expect - points.length, expect, missing));
}
