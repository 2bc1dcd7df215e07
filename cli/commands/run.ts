// `fsyncsim run`: one job on one device and filesystem. Everything is validated and simulated before
// anything is written, so bad input leaves no partial output.
import { checkFsKind, loggerKind, runJob } from "../../sim/index.ts";
import { deviceSpec, type DeviceKind } from "../../devices/index.ts";
import { readJobFile } from "../../workloads/index.ts";
import { safeFileStem, writeFileAtomically, writeFilesAtomically } from "../atomic-write.ts";
import { toCsv } from "../format/csv.ts";
import { runDocument, toJson } from "../format/run-json.ts";
import { RUN_COLUMNS, runSummary } from "../format/run-summary.ts";
import { runTable } from "../format/run-table.ts";
import { traceCsv } from "../format/trace-csv.ts";
import type { CliIo } from "../io.ts";
import { startProgress } from "../progress.ts";
import { parseSetOptions } from "../set-options.ts";

export interface RunOptions {
  readonly job: string;
  readonly device: string;
  readonly fs: string;
  readonly logger: string;
  readonly seed: number;
  readonly set: readonly string[];
  readonly format: "table" | "csv" | "json";
  readonly out: string | undefined;
  readonly trace: string | undefined;
}

export function runCommand(io: CliIo, options: RunOptions, version: string): void {
  const spec = deviceSpec(options.device);
  const device = spec.name as DeviceKind;
  const fs = checkFsKind(options.fs);
  const logger = loggerKind(options.logger);
  if (fs === "raw" && options.logger !== "modified-extents") {
    io.stderr.write(`fsyncsim: warning: --logger ${logger} has no effect with --fs raw (there is no log)\n`);
  }
  const overrides = parseSetOptions(options.set, [spec.params]);
  const { jobs, warnings } = readJobFile(options.job, overrides.job);
  const job = jobs[0];
  if (job === undefined) throw new Error("readJobFile returned no job");
  const progress = startProgress(io, `${job.name} on ${device}`);
  let result;
  try {
    result = runJob({
      job, device, fs, logger, seed: options.seed, trace: options.trace !== undefined,
      deviceOverrides: overrides.device, btrfsOverrides: overrides.btrfs, cpuOverrides: overrides.cpu,
      onProgress: (d, t) => progress.update(d, t),
    });
  } finally {
    progress.stop();
  }
  for (const w of [...warnings, ...result.warnings]) io.stderr.write(`fsyncsim: warning: ${w}\n`);
  const csv = toCsv(RUN_COLUMNS, [runSummary(result)]);
  const json = toJson(runDocument(result, version));
  const text = options.format === "csv" ? csv : options.format === "json" ? json : runTable(result);
  if (options.trace !== undefined) writeFileAtomically(options.trace, traceCsv(result.trace ?? []), "--trace");
  if (options.out !== undefined) {
    const stem = [safeFileStem(job.name), fs, ...(result.logger === "none" ? [] : [result.logger]), device].join("-");
    writeFilesAtomically(options.out, [
      { name: `${stem}.csv`, content: csv },
      { name: `${stem}.json`, content: json },
    ]);
  }
  io.stdout.write(text);
}
