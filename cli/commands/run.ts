// `fsyncsim run`: a fio job file (all its jobs, numjobs clones each) or a replayed fio iolog, on one
// device and filesystem. Everything is validated and simulated before anything is written, so bad
// input leaves no partial output.
import { checkFsKind } from "../../fs/index.ts";
import { loggerKind } from "../../btrfs/index.ts";
import { runJob } from "../../run/index.ts";
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
import { loadWorkload } from "../workload.ts";

export const RUN_FORMATS = ["table", "csv", "json", "fio-json"] as const;

export interface RunOptions {
  /** The job file; undefined means the seed job, or, with --iolog, fio's defaults. */
  readonly job: string | undefined;
  readonly iolog: string | undefined;
  readonly device: string;
  readonly fs: string;
  readonly logger: string;
  readonly seed: number;
  readonly set: readonly string[];
  readonly format: (typeof RUN_FORMATS)[number];
  readonly out: string | undefined;
  readonly trace: string | undefined;
}

export function runCommand(io: CliIo, options: RunOptions, version: string, seedJob: string): void {
  const spec = deviceSpec(options.device);
  const device = spec.name as DeviceKind;
  const fs = checkFsKind(options.fs);
  const logger = loggerKind(options.logger);
  if (fs === "raw" && options.logger !== "modified-extents") {
    io.stderr.write(`fsyncsim: warning: --logger ${logger} has no effect with --fs raw (there is no log)\n`);
  }
  const overrides = parseSetOptions(options.set, [spec.params]);
  const workload = loadWorkload(options, overrides.job, seedJob);
  const name = workload.config.replay?.source.name ?? workload.jobs[0]?.name ?? "job";
  const progress = startProgress(io, `${name} on ${device}`);
  let result;
  try {
    result = runJob({
      ...workload.config, device, fs, logger, seed: options.seed, trace: options.trace !== undefined,
      deviceOverrides: overrides.device, btrfsOverrides: overrides.btrfs, cpuOverrides: overrides.cpu,
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
    const stem = [safeFileStem(name), fs, ...(result.logger === "none" ? [] : [result.logger]), device].join("-");
    writeFilesAtomically(options.out, [
      { name: `${stem}.csv`, content: csv },
      { name: `${stem}.json`, content: json },
      { name: `${stem}.fio.json`, content: fioJson },
    ]);
  }
  io.stdout.write(text);
}
