// `fsyncsim chart FILE.csv`: draws a sweep's CSV (fsyncsim sweep, or merge): throughput against a
// swept parameter, one line per device and logger, and the speedup of the patch's logger over the
// one before it where both ran. Each chart is written as its Vega-Lite spec, SVG and PNG.
import { readFileSync } from "node:fs";
import { basename, dirname, extname } from "node:path";
import { parse } from "csv-parse/sync";
import { chartFiles, sweepSpecs } from "../../charts/index.ts";
import { InputError, MSG } from "../../lib/index.ts";
import { writeFilesAtomically, type OutputFile } from "../atomic-write.ts";
import type { CliIo } from "../io.ts";

export interface ChartOptions {
  readonly x: string | undefined;
  readonly out: string | undefined;
}

/** The swept columns of a sweep CSV: those between `point` and the run columns (which start at `fs`). */
export function sweptColumns(header: readonly string[]): string[] {
  const start = header.indexOf("point");
  const end = header.indexOf("fs");
  return start === 0 && end > start ? header.slice(start + 1, end) : [];
}

export async function chartCommand(io: CliIo, file: string, options: ChartOptions): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(file, MSG.chartUnreadable((error as NodeJS.ErrnoException).code ?? String(error)));
  }
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  } catch (error) {
    throw new InputError(file, MSG.chartBadCsv(error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error)));
  }
  if (rows.length === 0) throw new InputError(file, MSG.chartNoRows());
  const header = Object.keys(rows[0] as Record<string, string>);
  const swept = sweptColumns(header);
  if (!header.includes("throughput_kib_per_s") || !header.includes("logger")) throw new InputError(file, MSG.chartNotASweep());
  const x = options.x ?? swept[0];
  if (x === undefined) throw new InputError(file, MSG.chartNoSweptColumn());
  if (!header.includes(x)) throw new InputError("--x", MSG.chartUnknownColumn(x, swept));
  const specs = sweepSpecs(rows, { x });
  const stem = basename(file, extname(file));
  const files: OutputFile[] = [...(await chartFiles(`${stem}-throughput`, specs.throughput))];
  if (specs.speedup !== undefined) files.push(...(await chartFiles(`${stem}-speedup`, specs.speedup)));
  const dir = options.out ?? dirname(file);
  writeFilesAtomically(dir, files);
  io.stdout.write(`chart: ${files.filter((f) => f.name.endsWith(".png")).map((f) => `${dir}/${f.name}`).join(", ")} (x = ${x})\n`);
}
