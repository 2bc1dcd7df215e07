// `fsyncsim reproduce`: the seed job on sata-hdd and fusion-iodrive with the logger before the patch
// and the patch's, beside the seed's numbers. With --out, also the per-fsync traces of each cell,
// the charts and the HTML report.
import { DEVICE_MODELS } from "../../devices/index.ts";
import { InputError, MSG, hasParam } from "../../lib/index.ts";
import { createRunPool, reproduceSeed, SEED_DEVICES } from "../../run/index.ts";
import { readJobFile } from "../../workloads/index.ts";
import { writeFilesAtomically, type OutputFile } from "../atomic-write.ts";
import { reproduceCsv, reproduceTable } from "../format/reproduce-format.ts";
import { toJson } from "../format/run-json.ts";
import { runDocument } from "../format/run-json.ts";
import { traceCsv } from "../format/trace-csv.ts";
import { chartAndReportFiles } from "../reproduce-outputs.ts";
import { reproductionFromText, traceName } from "../reproduction-files.ts";
import type { CliIo } from "../io.ts";
import { startProgress } from "../progress.ts";
import { parseSetOptions } from "../set-options.ts";

export interface ReproduceCommandOptions {
  readonly job: string;
  readonly seed: number;
  readonly set: readonly string[];
  readonly format: "table" | "csv" | "json";
  readonly out: string | undefined;
  readonly workers: number;
}

export async function reproduceCommand(io: CliIo, options: ReproduceCommandOptions, version: string): Promise<void> {
  const tables = SEED_DEVICES.map((d) => DEVICE_MODELS[d].params);
  const overrides = parseSetOptions(options.set, tables);
  for (const o of overrides.device) {
    if (!tables.some((t) => hasParam(t, o.name))) throw new InputError(o.where, MSG.unknownParam(`device.${o.name}`, undefined, "parameters of sata-hdd or fusion-iodrive"));
  }
  const { jobs, warnings } = readJobFile(options.job, overrides.job);
  const job = jobs[0];
  if (job === undefined) throw new Error("readJobFile returned no job");
  const progress = startProgress(io, "reproduce", "cells");
  const pool = createRunPool(options.workers);
  let out;
  try {
    out = await reproduceSeed({
      job, seed: options.seed, trace: options.out !== undefined, fsOverrides: overrides.fs,
      deviceOverridesFor: (device) => overrides.device.filter((o) => hasParam(DEVICE_MODELS[device].params, o.name)),
      onCell: (d, t) => progress.update(d, t),
    }, pool);
  } finally {
    progress.stop();
    await pool.destroy();
  }
  for (const w of warnings) io.stderr.write(`fsyncsim: warning: ${w}\n`);
  const csv = reproduceCsv(out.cells, out.speedups);
  const json = toJson({
    tool: "fsyncsim",
    version,
    jobFile: job.file,
    job: { name: job.name, description: job.description },
    seed: options.seed,
    speedups: out.speedups,
    cells: out.cells.map((c) => ({ device: c.device, logger: c.logger, simulatedKiBps: c.simulatedKiBps, seedKiBps: c.seedKiBps, errorPct: c.errorPct, status: c.status, run: runDocument(c.result, version) })),
  });
  const text = options.format === "csv" ? csv : options.format === "json" ? json : reproduceTable(out.cells, out.speedups);
  if (options.out !== undefined) {
    const traces = new Map(out.cells.map((c) => [traceName(c.device, c.logger), traceCsv(c.result.trace ?? [])]));
    const files: OutputFile[] = [
      { name: "reproduce.csv", content: csv },
      { name: "reproduce.json", content: json },
      { name: "reproduce.txt", content: reproduceTable(out.cells, out.speedups) },
      ...[...traces].map(([name, content]) => ({ name, content })),
      ...(await chartAndReportFiles(reproductionFromText(json, (name) => traces.get(name) ?? "", "reproduce.json"))),
    ];
    writeFilesAtomically(options.out, files);
  }
  io.stdout.write(text);
}
