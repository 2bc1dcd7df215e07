// A reproduction's files read back into what the charts and the report need: reproduce.json (the
// cells, each with its run document) and each cell's trace CSV. `reproduce --out` builds its charts
// and page from the same text it writes, so `report --from DIR` redraws them byte for byte.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { InputError } from "../lib/index.ts";
import type { OutputCell, ReproductionOutputs } from "./reproduce-outputs.ts";

const PHASE_COLUMNS: Readonly<Record<string, string>> = {
  cpu: "fsync_cpu_us", dataIo: "fsync_data_io_us", logIo: "fsync_log_io_us", flush: "fsync_flush_us", commit: "fsync_commit_wait_us", contention: "fsync_contention_us",
};

interface CellJson {
  device: string;
  logger: string;
  simulatedKiBps: number;
  seedKiBps: number;
  errorPct: number;
  status: string;
  run: { summary: Record<string, string>; deviceParams: OutputCell["deviceParams"]; modelParams: OutputCell["modelParams"]; jobOptions: Record<string, string> };
}

interface ReproduceJson {
  version: string;
  jobFile: string;
  seed: number;
  speedups: ReproductionOutputs["speedups"];
  cells: CellJson[];
  job?: { name: string; description: string };
}

/** The trace file of a cell. */
export const traceName = (device: string, logger: string): string => `trace-${device}-${logger}.csv`;

/** Outputs from reproduce.json's text and a reader of the cells' trace CSVs. */
export function reproductionFromText(json: string, traceOf: (name: string) => string, where: string): ReproductionOutputs {
  let doc: ReproduceJson;
  try {
    doc = JSON.parse(json) as ReproduceJson;
  } catch {
    throw new InputError(where, "reproduce.json is not valid JSON");
  }
  if (!Array.isArray(doc.cells) || doc.cells.length === 0) throw new InputError(where, "reproduce.json has no cells: is this a reproduce --out directory?");
  const first = doc.cells[0] as CellJson;
  return {
    version: doc.version,
    seed: doc.seed,
    jobFile: doc.jobFile,
    jobName: doc.job?.name ?? first.run.summary.job ?? "",
    jobDescription: doc.job?.description ?? "",
    jobOptions: first.run.jobOptions,
    speedups: doc.speedups,
    cells: doc.cells.map((c) => ({
      device: c.device,
      logger: c.logger,
      simulatedKiBps: c.simulatedKiBps,
      seedKiBps: c.seedKiBps,
      errorPct: c.errorPct,
      status: c.status,
      deviceParams: c.run.deviceParams,
      modelParams: c.run.modelParams,
      phasesMs: Object.fromEntries(Object.entries(PHASE_COLUMNS).map(([phase, col]) => [phase, Number(c.run.summary[col] ?? 0) / 1000])),
      trace: traceRows(traceOf(traceName(c.device, c.logger))),
    })),
  };
}

/** Reads a reproduce --out directory. */
export function readReproduction(dir: string): ReproductionOutputs {
  const read = (name: string): string => {
    try {
      return readFileSync(join(dir, name), "utf8");
    } catch (error) {
      throw new InputError("--from", `cannot read ${join(dir, name)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  };
  return reproductionFromText(read("reproduce.json"), read, join(dir, "reproduce.json"));
}

function traceRows(csv: string): OutputCell["trace"] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return rows.map((r) => ({ timeS: Number(r.time_s), latencyUs: Number(r.latency_us), itemsCopied: Number(r.log_items_copied) }));
}
