// `fsyncsim run`: a fio job file (all its jobs, numjobs clones each) or a replayed fio iolog, on one
// device and filesystem. Everything is validated and simulated before anything is written, so bad
// input leaves no partial output.
import { MSG } from "../../lib/index.ts";
import { FILESYSTEMS, NO_LOGGER, checkFsKind, fsLogger, runJob } from "../../run/index.ts";
import { deviceSpec, type DeviceKind } from "../../devices/index.ts";
import { safeFileStem, writeFileAtomically, writeFilesAtomically } from "../atomic-write.ts";
import { toCsv } from "../format/csv.ts";
import { fioJsonDocument } from "../format/fio-json.ts";
import { runDocument, toJson } from "../format/run-json.ts";
import { RUN_COLUMNS, runSummary } from "../format/run-summary.ts";
import { runTable } from "../format/run-table.ts";
import { traceCsv } from "../format/trace-csv.ts";
import type { CliIo } from "../io.ts";
import { startProgress } from "../progress.ts";
import { parseSetOptions } from "../set-options.ts";
import { loadWorkload, type SimulationOptions } from "../workload.ts";

export const RUN_FORMATS = ["table", "csv", "json", "fio-json"] as const;

export interface RunOptions extends SimulationOptions {
  readonly format: (typeof RUN_FORMATS)[number];
  readonly out: string | undefined;
  readonly trace: string | undefined;
}

export function runCommand(io: CliIo, options: RunOptions, version: string, seedJob: string): void {
  const spec = deviceSpec(options.device);
  const device = spec.name as DeviceKind;
  const fs = checkFsKind(options.fs);
  const logger = fsLogger(fs, options.logger);
  if (options.logger !== undefined && FILESYSTEMS[fs].loggers.length === 0) io.stderr.write(`fsyncsim: warning: ${MSG.fsIgnoresLogger(options.logger, fs)}\n`);
  const overrides = parseSetOptions(options.set, [spec.params]);
  const workload = loadWorkload(options, overrides.job, seedJob);
  const name = workload.config.replay?.source.name ?? workload.jobs[0]?.name ?? "job";
  const progress = startProgress(io, `${name} on ${device}`);
  let result;
  try {
    result = runJob({
      ...workload.config, device, fs, logger, seed: options.seed, trace: options.trace !== undefined,
      deviceOverrides: overrides.device, fsOverrides: overrides.fs,
      onProgress: (permille) => progress.update(permille, 1000),
    });
  } finally {
    progress.stop();
  }
  for (const w of [...workload.warnings, ...result.warnings]) io.stderr.write(`fsyncsim: warning: ${w}\n`);
  const csv = toCsv(RUN_COLUMNS, [runSummary(result)]);
  const json = toJson(runDocument(result, version));
  const fioJson = toJson(fioJsonDocument(result, version));
  const text = options.format === "csv" ? csv : options.format === "json" ? json : options.format === "fio-json" ? fioJson : runTable(result);
  if (options.trace !== undefined) writeFileAtomically(options.trace, traceCsv(result.trace ?? []), "--trace");
  if (options.out !== undefined) {
    const stem = [safeFileStem(name), fs, ...(result.logger === NO_LOGGER ? [] : [result.logger]), device].join("-");
    writeFilesAtomically(options.out, [
      { name: `${stem}.csv`, content: csv },
      { name: `${stem}.json`, content: json },
      { name: `${stem}.fio.json`, content: fioJson },
    ]);
  }
  io.stdout.write(text);
}
