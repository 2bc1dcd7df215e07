// The benchmark report: one row per benchmark (micro or whole-run), printed as a Markdown table
// that reads on a terminal too, and written with the machine it ran on to results/bench/.
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, release, totalmem, type } from "node:os";
import { dirname } from "node:path";

const MiB = 1024 ** 2;

export interface BenchRow {
  readonly name: string;
  /** Operations per wall-clock second: task calls (micro), simulated fsyncs (whole runs); absent if not meaningful. */
  readonly opsPerS?: number;
  /** Mean wall time of one task call or run, ms (the median for repeated whole runs). */
  readonly meanMs: number;
  /** Relative margin of error of the mean, percent (95 % confidence); absent for single runs. */
  readonly rmePct?: number;
  readonly samples: number;
  /** Peak resident set size of the process that ran it, bytes (whole runs only). */
  readonly peakRssBytes?: number;
  /** The issue's target for this figure, in words. */
  readonly target?: string;
  /** Whether the target holds: "yes", "no", or marked "*" when measured at a reduced size. */
  readonly holds?: string;
}

const HEADER = ["benchmark", "ops/s", "mean", "±", "samples", "peak RSS", "target", "holds"];
/** Columns of words are left-aligned, columns of figures right-aligned. */
const LEFT = [true, false, false, false, false, false, true, true];

/** The rows as a Markdown table, columns padded to line up. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.name,
    r.opsPerS === undefined ? "" : Math.round(r.opsPerS).toLocaleString("en-US"),
    duration(r.meanMs),
    r.rmePct === undefined ? "" : `${r.rmePct.toFixed(1)} %`,
    String(r.samples),
    r.peakRssBytes === undefined ? "" : `${Math.round(r.peakRssBytes / MiB)} MiB`,
    r.target ?? "",
    r.holds ?? "",
  ]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]): string => `| ${c.map((s, i) => (LEFT[i] === true ? s.padEnd(widths[i] ?? 0) : s.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (LEFT[i] === true ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(HEADER), rule, ...cells.map(line)].join("\n") + "\n";
}

/** A duration in the unit that reads best: µs below 1 ms, ms below 1 s, else s. */
function duration(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(2)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The machine and software the figures come from, one fact per line. */
export function machineLines(): string[] {
  return [
    `CPU: ${cpus()[0]?.model ?? "unknown"}, ${availableParallelism()} cores`,
    `memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `OS: ${type()} ${release()}`,
    `Node: ${process.version}`,
    `source: ${gitRevision()}`,
    `date: ${new Date().toISOString()}`,
  ];
}

/** HEAD's short hash, noting uncommitted changes (other than the benchmarks' own outputs); "unknown" outside a git checkout. */
function gitRevision(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":!results/bench"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() !== "";
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

/** Writes `text` to `path` through a temporary file renamed into place. */
export function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
