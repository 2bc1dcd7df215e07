// A sweep from its command-line options: the grid (devices x loggers x each --set given more than
// one value), every point's run task built and checked up front, the CSV columns, and each point's
// CSV row. Building every task first means a bad device, logger or value fails before anything
// runs or any file is written.
import { DEVICE_MODELS, deviceSpec, type DeviceKind } from "../../devices/index.ts";
import { InputError, MSG, closestMatch } from "../../lib/index.ts";
import { FILESYSTEMS, NO_LOGGER, checkFsKind, fsLogger, type FsKind, type RunTask } from "../../run/index.ts";
import { checkRunTask, keyAppliesTo, splitSweepList, sweepPoints, type SweepAxis, type SweepGrid, type SweepPoint } from "../../run/index.ts";
import { readJobFile, type FioJob } from "../../workloads/index.ts";
import { RUN_COLUMNS, type RunSummary } from "../format/run-summary.ts";
import { parseSetOptions } from "../set-options.ts";

export interface SweepPlanOptions {
  readonly job: string;
  /** Comma-separated device names. */
  readonly device: string;
  /** Comma-separated logger names; undefined: the filesystem's default. */
  readonly logger: string | undefined;
  readonly fs: string;
  readonly seed: number;
  /** The --set texts as given: `key=value` (fixed) or `key=v1,v2,...` (swept; `\,` is a literal comma). */
  readonly set: readonly string[];
}

export interface SweepPlan {
  readonly grid: SweepGrid;
  readonly fs: FsKind;
  readonly seed: number;
  readonly points: readonly SweepPoint[];
  /** The run task of each point, by index. */
  readonly tasks: readonly RunTask[];
  /** The CSV header's fields: `point`, each swept key, then the run columns. */
  readonly columns: readonly string[];
  /** Warnings from the job file and the runs' setup, each once. */
  readonly warnings: readonly string[];
}

/** One --set flag: its key and its values (one value: a fixed override). */
interface SetEntry {
  readonly key: string;
  readonly values: readonly string[];
  readonly where: string;
}

export function planSweep(options: SweepPlanOptions): SweepPlan {
  const devices = distinctList(options.device, "--device").map((name) => deviceSpec(name).name as DeviceKind);
  const fs = checkFsKind(options.fs);
  const hasLoggers = FILESYSTEMS[fs].loggers.length > 0;
  const named = options.logger === undefined ? [] : distinctList(options.logger, "--logger");
  const warnings = new Set<string>();
  let loggers: string[];
  if (hasLoggers) {
    loggers = named.length === 0 ? [fsLogger(fs, undefined) as string] : named.map((name) => fsLogger(fs, name) as string);
  } else {
    if (named.length > 1) throw new InputError("--logger", MSG.sweepNoLoggers(fs));
    if (named[0] !== undefined) warnings.add(MSG.fsIgnoresLogger(named[0], fs));
    loggers = [NO_LOGGER];
  }
  const entries = setEntries(options.set, devices);
  const axes: SweepAxis[] = entries.filter((e) => e.values.length > 1).map((e) => ({ key: e.key, values: e.values }));
  const grid: SweepGrid = { devices, loggers, axes };
  const points = sweepPoints(grid);
  const jobsByOverrides = new Map<string, readonly FioJob[]>();
  const tasks = points.map((point): RunTask => {
    const texts = pointSetTexts(entries, axes, point);
    const overrides = parseSetOptions(texts, [DEVICE_MODELS[point.device].params]);
    const jobKey = JSON.stringify(overrides.job.map((o) => [o.key, o.value]));
    let jobs = jobsByOverrides.get(jobKey);
    if (jobs === undefined) {
      const resolved = readJobFile(options.job, overrides.job);
      const replaying = resolved.jobs.find((j) => j.readIolog !== undefined);
      if (replaying !== undefined) throw new InputError(options.job, MSG.sweepReplay(replaying.name));
      for (const w of resolved.warnings) warnings.add(w);
      jobs = resolved.jobs;
      jobsByOverrides.set(jobKey, jobs);
    }
    const task: RunTask = {
      jobs, device: point.device, fs, logger: hasLoggers ? point.logger : undefined, seed: options.seed,
      deviceOverrides: overrides.device, fsOverrides: overrides.fs,
    };
    for (const w of checkRunTask(task)) warnings.add(w);
    return task;
  });
  const columns = ["point", ...axes.map((a) => a.key), ...RUN_COLUMNS];
  return { grid, fs, seed: options.seed, points, tasks, columns, warnings: [...warnings] };
}

/** The CSV fields of a point's row. */
export function rowFields(point: SweepPoint, summary: RunSummary): string[] {
  return [String(point.index), ...point.values.map((v) => v ?? ""), ...RUN_COLUMNS.map((c) => summary[c])];
}

/** The fields a row of `point` must have (by column), to check a file being resumed. */
export function identifyingFields(plan: SweepPlan, point: SweepPoint): Array<[column: string, value: string]> {
  return [
    ...plan.grid.axes.map((a, i): [string, string] => [a.key, point.values[i] ?? ""]),
    ["device", point.device],
    ["logger", point.logger],
    ["seed", String(plan.seed)],
  ];
}

/** A short description of a point, for messages: `sata-hdd modified-extents size=1m`. */
export function describePoint(plan: SweepPlan, point: SweepPoint): string {
  const values = plan.grid.axes.flatMap((a, i) => (point.values[i] === undefined ? [] : [`${a.key}=${point.values[i] ?? ""}`]));
  return [point.device, ...(point.logger === NO_LOGGER ? [] : [point.logger]), ...values].join(" ");
}

/** A comma-separated list with no value twice. */
function distinctList(text: string, where: string): string[] {
  const values = splitSweepList(text).map((v) => v.trim());
  const twice = values.find((v, i) => values.indexOf(v) !== i);
  if (twice !== undefined) throw new InputError(where, MSG.sweepValueTwice(twice));
  return values;
}

/** The --set flags as keys and value lists, each key once, `device.X` present on some chosen device. */
function setEntries(texts: readonly string[], devices: readonly DeviceKind[]): SetEntry[] {
  const entries: SetEntry[] = [];
  const reserved = new Set<string>(["point", ...RUN_COLUMNS]);
  for (const text of texts) {
    const eq = text.indexOf("=");
    if (eq <= 0) throw new InputError("--set", MSG.badSetSyntax(text));
    const key = text.slice(0, eq).trim();
    const where = `--set ${text}`;
    const values = splitSweepList(text.slice(eq + 1));
    if (entries.some((e) => e.key === key)) throw new InputError(where, MSG.sweepKeyTwice(key));
    if (values.length > 1) {
      const twice = values.find((v, i) => values.indexOf(v) !== i);
      if (twice !== undefined) throw new InputError(where, MSG.sweepValueTwice(twice));
      if (reserved.has(key)) throw new InputError(where, MSG.sweepKeyIsColumn(key));
    }
    if (key.startsWith("device.") && !devices.some((d) => keyAppliesTo(key, d))) {
      const names = new Set(devices.flatMap((d) => Object.keys(DEVICE_MODELS[d].params)));
      const suggestion = closestMatch(key.slice("device.".length), names);
      throw new InputError(where, MSG.sweepDeviceParamNowhere(key, suggestion === undefined ? undefined : `device.${suggestion}`, devices));
    }
    entries.push({ key, values, where });
  }
  return entries;
}

/** The point's `--set key=value` texts in the order given, leaving out `device.X` its device lacks. */
function pointSetTexts(entries: readonly SetEntry[], axes: readonly SweepAxis[], point: SweepPoint): string[] {
  return entries.flatMap((e) => {
    if (!keyAppliesTo(e.key, point.device)) return [];
    const axis = axes.findIndex((a) => a.key === e.key);
    const value = axis < 0 ? e.values[0] : point.values[axis];
    return value === undefined ? [] : [`${e.key}=${value}`];
  });
}
