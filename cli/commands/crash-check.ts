// `fsyncsim crash-check`: run a job on one device with one logger while recording what the device
// received, cut the power at many instants, recover every explored device state as btrfs's mount
// and log replay would, and report whether every fsync that had returned is durable and nothing is
// corrupt. Exit status 1 when a violation was found (so scripts can gate on it), 2 for bad input.
import { crashCheck, type CrashCheckResult, type Injection } from "../../crash/index.ts";
import { checkFsKind, fsLogger } from "../../run/index.ts";
import { deviceSpec, type DeviceKind } from "../../devices/index.ts";
import { toCsv } from "../format/csv.ts";
import { toJson } from "../format/run-json.ts";
import type { CliIo } from "../io.ts";
import { startProgress } from "../progress.ts";
import { parseSetOptions } from "../set-options.ts";
import { loadWorkload, type SimulationOptions } from "../workload.ts";

export const CRASH_FORMATS = ["table", "csv", "json"] as const;

export interface CrashCheckOptions extends SimulationOptions {
  readonly points: number;
  readonly states: number;
  readonly inject: readonly Injection[];
  readonly format: (typeof CRASH_FORMATS)[number];
}

const COLUMNS = ["job", "device", "logger", "injections", "seed", "fsyncs", "points", "states", "violations", "first_cut_ms", "first_last_request", "first_state", "first_lost"] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

/** Runs the check and prints its report; resolves to the exit status (1 if a violation was found). */
export function crashCheckCommand(io: CliIo, options: CrashCheckOptions, seedJob: string): number {
  const spec = deviceSpec(options.device);
  const device = spec.name as DeviceKind;
  const fs = checkFsKind(options.fs);
  const logger = fsLogger(fs, options.logger);
  const overrides = parseSetOptions(options.set, [spec.params]);
  const workload = loadWorkload(options, overrides.job, seedJob);
  const name = workload.config.replay?.source.name ?? workload.jobs[0]?.name ?? "job";
  for (const w of workload.warnings) io.stderr.write(`fsyncsim: warning: ${w}\n`);
  const running = startProgress(io, `${name} on ${device}`);
  let checking: ReturnType<typeof startProgress> | undefined;
  let result: CrashCheckResult;
  try {
    result = crashCheck({
      ...workload.config, device, fs, logger, seed: options.seed,
      deviceOverrides: overrides.device, fsOverrides: overrides.fs,
      points: options.points, randomStates: options.states, injections: options.inject,
      onProgress: (permille) => running.update(permille, 1000),
      onCut: (done, total) => {
        if (checking === undefined) {
          running.stop();
          checking = startProgress(io, "power cuts", "cuts");
        }
        checking.update(done, total);
      },
    });
  } finally {
    running.stop();
    checking?.stop();
  }
  const row = rowOf(name, device, result.run.logger, options, result);
  const text = options.format === "csv" ? toCsv(COLUMNS, [row]) : options.format === "json" ? toJson(document(row, result)) : table(row, result);
  io.stdout.write(text);
  return result.violations > 0 ? 1 : 0;
}

function rowOf(job: string, device: string, logger: string, options: CrashCheckOptions, r: CrashCheckResult): Row {
  const f = r.first;
  return {
    job, device, logger,
    injections: options.inject.join("+") || "none",
    seed: String(options.seed),
    fsyncs: String(r.fsyncs),
    points: String(r.points),
    states: String(r.states),
    violations: String(r.violations),
    first_cut_ms: f === undefined ? "" : (f.cutNs / 1e6).toFixed(6),
    first_last_request: f?.lastRequest ?? "",
    first_state: f?.state ?? "",
    first_lost: f?.what ?? "",
  };
}

function document(row: Row, r: CrashCheckResult): object {
  return {
    tool: "fsyncsim crash-check",
    job: row.job, device: row.device, logger: row.logger, injections: row.injections === "none" ? [] : row.injections.split("+"), seed: Number(row.seed),
    fsyncs: r.fsyncs, points: r.points, states: r.states, violations: r.violations,
    firstViolation: r.first === undefined ? null : { cutNs: r.first.cutNs, lastRequest: r.first.lastRequest, state: r.first.state, lost: r.first.what },
  };
}

function table(row: Row, r: CrashCheckResult): string {
  const head = ["device", "logger", "injections", "fsyncs", "points", "states", "violations"] as const;
  const widths = head.map((h) => Math.max(h.length, row[h].length));
  const line = (cells: readonly string[]): string => `${cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ").trimEnd()}\n`;
  let out = `crash-check of ${row.job} (seed ${row.seed})\n${line(head)}${line(head.map((h) => row[h]))}`;
  if (r.first === undefined) {
    out += `no violations: every fsync that returned before a cut was durable in all ${r.states} recovered states, and no data failed its checksum\n`;
  } else {
    out +=
      `first violation, power cut at ${row.first_cut_ms} ms\n` +
      `  last request: ${r.first.lastRequest}\n` +
      `  device state: ${r.first.state}\n` +
      `  lost:         ${r.first.what}\n`;
  }
  return out;
}
