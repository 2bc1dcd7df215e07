// Everything a reproduction writes into --out: the table (CSV, JSON, text), each cell's per-fsync
// trace, the three charts (Vega-Lite spec, SVG, PNG) and the HTML report that shows them, with its
// vendor scripts. Built from the cells' results (reproduce) or read back from a reproduction's
// files (report --from), so both give the same bytes.
import { fsyncBreakdownSpec, fsyncLatencySpec, seedTableSpec, chartFiles } from "../charts/index.ts";
import { parameterGroups, reportPage, vendorFiles, type ReportChart, type ReportDocument, type ParameterSource } from "../report/index.ts";
import type { OutputFile } from "./atomic-write.ts";

/** One cell as the outputs need it. */
export interface OutputCell extends ParameterSource {
  readonly logger: string;
  readonly simulatedKiBps: number;
  readonly seedKiBps: number;
  readonly errorPct: number;
  /** fitted or predicted (validation/cases.ts). */
  readonly status: string;
  /** Mean fsync time by phase, ms, in the phase order of the trace. */
  readonly phasesMs: Readonly<Record<string, number>>;
  /** The trace rows the latency chart needs. */
  readonly trace: ReadonlyArray<{ readonly timeS: number; readonly latencyUs: number; readonly itemsCopied: number }>;
}

/** The report's metadata and table, with the cells' traces and parameters for the charts. */
export interface ReproductionOutputs extends Pick<ReportDocument, "version" | "seed" | "jobFile" | "jobName" | "jobDescription" | "jobOptions" | "speedups"> {
  readonly cells: readonly OutputCell[];
}

export const PHASE_LABELS: Readonly<Record<string, string>> = {
  cpu: "CPU", dataIo: "data I/O", logIo: "log I/O", flush: "flush", commit: "commit wait", contention: "contention",
};

/** The job as a subtitle line: the seed job in words, any variant by its options. */
function jobLine(options: Readonly<Record<string, string>>): string | undefined {
  const seed = { rw: "randwrite", bs: "4k", size: "50m", fsync: "1" };
  const keys = Object.keys(options);
  if (keys.length === 4 && Object.entries(seed).every(([k, v]) => options[k] === v)) return undefined;
  return `Job: ${keys.map((k) => `${k}=${options[k] ?? ""}`).join(", ")}.`;
}

/** The charts and the page, as files to write beside the table and traces. */
export async function chartAndReportFiles(o: ReproductionOutputs): Promise<OutputFile[]> {
  const charts: ReportChart[] = [
    {
      name: "seed-table",
      title: "Throughput: simulated against the seed",
      caption: "KiB/s written by the seed job per device and logger; the tick on each bar is the patch's measured number.",
      spec: seedTableSpec(o.cells, { jobLine: jobLine(o.jobOptions) }),
    },
    {
      name: "fsync-latency",
      title: "fsync latency through the run",
      caption: "Before the patch each fsync copies every item of the leaves the transaction has changed, so its latency grows through each 30 s transaction and drops at each commit; the patch's stays flat.",
      spec: fsyncLatencySpec(o.cells.map((c) => ({ device: c.device, logger: c.logger, points: c.trace }))),
    },
    {
      name: "fsync-breakdown",
      title: "Where an fsync's time goes",
      caption: "Mean time per fsync by phase: on the disk the flush (destaging the log and data, then the superblock) dominates; on the flash card, CPU.",
      spec: fsyncBreakdownSpec(o.cells.flatMap((c) => Object.entries(c.phasesMs).map(([phase, meanMs]) => ({ device: c.device, logger: c.logger, phase: PHASE_LABELS[phase] ?? phase, meanMs })))),
    },
  ];
  const files: OutputFile[] = [];
  for (const c of charts) files.push(...(await chartFiles(c.name, c.spec as Parameters<typeof chartFiles>[1])));
  const doc: ReportDocument = {
    version: o.version, seed: o.seed, jobFile: o.jobFile, jobName: o.jobName, jobDescription: o.jobDescription, jobOptions: o.jobOptions,
    cells: o.cells, speedups: o.speedups, charts, parameters: parameterGroups(o.cells),
  };
  files.push({ name: "report.html", content: reportPage(doc) }, ...vendorFiles());
  return files;
}
