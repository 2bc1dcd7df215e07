// `fsyncsim sweep`: one run per point of a grid (devices x loggers x swept --set values) on a pool of
// worker threads, one CSV row per point appended to --out as points finish but always in point
// order, so the file is the same for any number of workers and a stopped sweep leaves a prefix of
// it that --resume completes. --shard K/N runs every Nth point, for sweeps split between machines
// and joined by `fsyncsim merge`.
import { closeSync, openSync, truncateSync, writeSync } from "node:fs";
import { InputError, MSG } from "../../lib/index.ts";
import { createRunPool, runJob, type RunTask } from "../../run/index.ts";
import { inShard, parseShard, type SweepPoint, type SweepShard } from "../../run/index.ts";
import { writeFileAtomically } from "../atomic-write.ts";
import { runSummary } from "../format/run-summary.ts";
import type { CliIo } from "../io.ts";
import { startProgress } from "../progress.ts";
import { describePoint, identifyingFields, planSweep, rowFields, type SweepPlan, type SweepPlanOptions } from "../sweep/plan.ts";
import { runInOrder } from "../sweep/run-in-order.ts";
import { csvFields, csvLine, headerDifference, readSweepCsv, sortedSweepCsv, type SweepCsv } from "../sweep/sweep-csv.ts";

export interface SweepOptions extends SweepPlanOptions {
  readonly out: string;
  readonly workers: number;
  readonly resume: boolean;
  /** `K/N`, unparsed. */
  readonly shard: string | undefined;
}

export const SWEEP_HELP =
  "\nValues are comma-separated; a --set with one value is a fixed override, with several a swept dimension.\n" +
  "Write a comma inside a value as \\, (e.g. --set 'bs=4k\\,8k' is fio's bs=4k,8k) and a backslash as \\\\.\n" +
  "Points are numbered from 0 in this order: device outermost, then logger, then each swept --set in the\n" +
  "order given (the first outermost), values in the order given. device.X applies only to the devices\n" +
  "that have X (on the others it is not swept, and its column is empty).\n" +
  "CSV columns: point, one per swept --set key, then the columns of 'fsyncsim run --format csv'.\n" +
  "Rows are written as points finish, in point order; the file is the same for any --workers.\n" +
  "\nExamples:\n" +
  "  fsyncsim sweep --device sata-hdd,fusion-iodrive --logger truncate-and-copy,modified-extents \\\n" +
  "    --set size=10m,50m,200m --set device.rotationRpm=5400,7200 --out sweep.csv\n" +
  "  fsyncsim sweep ... --out sweep.csv --resume          # continue a stopped sweep\n" +
  "  fsyncsim sweep ... --shard 2/8 --out part-2.csv      # points 1, 9, 17, ... (then fsyncsim merge)\n" +
  "See docs/sweeps.md (Kubernetes Indexed Jobs, Slurm job arrays).";

export async function sweepCommand(io: CliIo, options: SweepOptions): Promise<void> {
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const plan = planSweep(options);
  const mine = plan.points.filter((p) => inShard(p.index, shard));
  const header = csvLine(plan.columns);
  const existing = readSweepCsv(options.out);
  if (existing !== undefined && !options.resume) throw new InputError(`--out ${options.out}`, MSG.sweepOutExists());
  const done = existing === undefined ? new Set<number>() : completedPoints(plan, shard, existing, header, options.out);
  const todo = mine.filter((p) => !done.has(p.index));
  // Rows are in point order if those already there are the first points of this sweep (or shard).
  const sortAtEnd = mine.some((p, i) => done.has(p.index) !== i < done.size);

  // Everything is checked: from here on the file is written.
  if (existing?.header === undefined) {
    writeFileAtomically(options.out, header, options.out);
  } else if (existing.partial) {
    truncateSync(options.out, existing.completeBytes);
  }
  for (const w of plan.warnings) io.stderr.write(`fsyncsim: warning: ${w}\n`);
  const runWarnings = new Set<string>();
  const pool = createRunPool(Math.min(options.workers, Math.max(1, todo.length)));
  const progress = startProgress(io, "sweep", "points");
  const fd = openSync(options.out, "a");
  let ran = 0;
  try {
    progress.update(0, todo.length);
    await runInOrder({
      items: todo,
      lanes: pool.workers,
      run: async (point) => {
        const result = await pool.run(plan.tasks[point.index] as RunTask).catch((error: unknown) => {
          throw pointFailure(plan, point, error, pool.workers > 1);
        });
        for (const w of result.warnings) runWarnings.add(w);
        return csvLine(rowFields(point, runSummary(result)));
      },
      emit: (line) => {
        writeAll(fd, line);
        progress.update(++ran, todo.length);
      },
    });
  } finally {
    closeSync(fd);
    progress.stop();
    await pool.destroy();
  }
  for (const w of runWarnings) io.stderr.write(`fsyncsim: warning: ${w}\n`);
  if (sortAtEnd) {
    const written = readSweepCsv(options.out);
    if (written?.header !== undefined) writeFileAtomically(options.out, sortedSweepCsv(written.header, written.rows), options.out);
  }
  const of = shard === undefined ? `the ${plan.points.length} points` : `the ${mine.length} points of shard ${shard.k}/${shard.n} (of ${plan.points.length})`;
  io.stdout.write(`sweep: ran ${ran} points, skipped ${done.size} already done; ${options.out} holds ${done.size + ran} of ${of}\n`);
}

/** Writes `text` at the end of `fd`: one write(2) for a row, more only if the first is cut short. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

/**
 * The points already in a file being resumed, after checking its header is this sweep's and each
 * row belongs to this sweep (and shard) and agrees with its point's device, logger, seed and values.
 */
function completedPoints(plan: SweepPlan, shard: SweepShard | undefined, file: SweepCsv, header: string, path: string): Set<number> {
  const done = new Map<number, number>();
  if (file.header === undefined) return new Set();
  const difference = headerDifference(file.header, header.slice(0, -1), "this sweep");
  if (difference !== undefined) throw new InputError(path, MSG.sweepHeaderDiffers(difference));
  const columns = csvFields(file.header);
  for (const row of file.rows) {
    const point = plan.points[row.point];
    if (point === undefined) throw new InputError(path, MSG.sweepRowNotInGrid(row.line, row.point, plan.points.length));
    if (shard !== undefined && !inShard(row.point, shard)) throw new InputError(path, MSG.sweepRowNotInShard(row.line, row.point, shard.k, shard.n));
    const previous = done.get(row.point);
    if (previous !== undefined) throw new InputError(path, MSG.sweepPointTwice(row.point, `line ${previous}`, `line ${row.line}`));
    const fields = csvFields(row.text);
    for (const [column, expected] of identifyingFields(plan, point)) {
      const found = fields[columns.indexOf(column)] ?? "";
      if (found !== expected) throw new InputError(path, MSG.sweepRowDiffers(row.line, row.point, column, found, expected));
    }
    done.set(row.point, row.line);
  }
  return new Set(done.keys());
}

/**
 * A point's run failed: say which point. Bad input found only by running (a file past the end of a
 * raw device) stays an input error; an error from a worker thread arrives as a plain Error, so the
 * point is run again here (runs are deterministic) to learn which it was.
 */
function pointFailure(plan: SweepPlan, point: SweepPoint, error: unknown, inWorker: boolean): Error {
  const where = `point ${point.index} (${describePoint(plan, point)})`;
  let cause = error;
  if (inWorker && !(error instanceof InputError)) {
    try {
      runJob(plan.tasks[point.index] as RunTask);
    } catch (again) {
      cause = again;
    }
  }
  if (cause instanceof InputError) return new InputError(where, cause.line);
  return new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
