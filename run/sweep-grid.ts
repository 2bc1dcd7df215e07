// A sweep's grid: every combination of devices, loggers and swept `--set` values, in one fixed
// order (device outermost, then logger, then each swept key in the order given, its values in the
// order given), each point numbered from 0. Also the list syntax of swept values (`\,` for a
// literal comma), the shards (`--shard K/N`) that split a grid between machines, and a check that
// builds everything a point's run builds before its first event, so bad input fails before a sweep
// starts rather than hours into it.
import { DEVICE_MODELS, createDevice, type DeviceKind } from "../devices/index.ts";
import { planJobs } from "../workloads/index.ts";
import { BlockDevice } from "../block/index.ts";
import { Environment } from "../sim/index.ts";
import { MSG } from "../lib/messages.ts";
import { hasParam } from "../lib/params/index.ts";
import { InputError } from "../lib/input-error.ts";
import { buildFilesystem } from "./filesystems.ts";
import type { RunTask } from "./workers/run-task.ts";

/** One swept `--set` key and its values. */
export interface SweepAxis {
  /** The key as given: a fio option (`size`), or `device.X`, `btrfs.X`, `cpu.X`. */
  readonly key: string;
  /** Its values, in the order given (two or more; one value is a fixed override, not an axis). */
  readonly values: readonly string[];
}

export interface SweepGrid {
  /** Outermost dimension, in the order given. */
  readonly devices: readonly DeviceKind[];
  /** Second dimension, in the order given. */
  readonly loggers: readonly string[];
  /** Then each swept key, the first given outermost. */
  readonly axes: readonly SweepAxis[];
}

export interface SweepPoint {
  /** Position in the grid's order, from 0. */
  readonly index: number;
  readonly device: DeviceKind;
  readonly logger: string;
  /**
   * Each axis's value at this point, in axis order; undefined for an axis that does not apply to
   * the point's device (a `device.X` the device has no parameter X for: that axis is not swept on it).
   */
  readonly values: ReadonlyArray<string | undefined>;
}

/** `--shard K/N`: this machine runs the points whose index % N == K - 1. */
export interface SweepShard {
  /** 1..N. */
  readonly k: number;
  readonly n: number;
}

const DEVICE_PREFIX = "device.";

/** Whether the swept or fixed `--set` key applies to `device`: `device.X` only where the device has X. */
export function keyAppliesTo(key: string, device: DeviceKind): boolean {
  return !key.startsWith(DEVICE_PREFIX) || hasParam(DEVICE_MODELS[device].params, key.slice(DEVICE_PREFIX.length));
}

/** The grid's points in order. */
export function sweepPoints(grid: SweepGrid): SweepPoint[] {
  const points: SweepPoint[] = [];
  for (const device of grid.devices) {
    const choices = grid.axes.map((a) => (keyAppliesTo(a.key, device) ? a.values : [undefined]));
    for (const logger of grid.loggers) {
      for (const values of product(choices)) points.push({ index: points.length, device, logger, values });
    }
  }
  return points;
}

/** Every combination, the last list varying fastest. */
function product<T>(lists: ReadonlyArray<readonly T[]>): T[][] {
  let combos: T[][] = [[]];
  for (const list of lists) combos = combos.flatMap((c) => list.map((v) => [...c, v]));
  return combos;
}

/**
 * Splits a comma-separated list of values. `\,` is a literal comma inside a value (fio's `bs=4k,8k`
 * is written `bs=4k\,8k`) and `\\` a literal backslash; any other backslash is kept as it is.
 */
export function splitSweepList(text: string): string[] {
  const values: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === "\\" && (next === "," || next === "\\")) {
      current += next;
      i++;
    } else if (c === ",") {
      values.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  values.push(current);
  return values;
}

/** Parses `K/N` (1 <= K <= N); InputError at `where` otherwise. */
export function parseShard(text: string, where = "--shard"): SweepShard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (m === null || !Number.isSafeInteger(k) || !Number.isSafeInteger(n) || k < 1 || n < 1 || k > n) {
    throw new InputError(`${where} ${text}`, MSG.sweepBadShard(text));
  }
  return { k, n };
}

/** Whether point `index` belongs to `shard` (every point does without one). */
export function inShard(index: number, shard: SweepShard | undefined): boolean {
  return shard === undefined || index % shard.n === shard.k - 1;
}

/**
 * Builds what the task's run builds before its first event (the workload's plan, the device with its
 * parameters, the filesystem with its parameters and checks), so that bad input throws its
 * InputError now. Returns the run's warnings. Models kept by nothing are dropped unrun.
 */
export function checkRunTask(task: RunTask): string[] {
  planJobs(task.jobs, task.seed);
  const env = new Environment();
  const device = createDevice(task.device, task.deviceOverrides ?? []);
  const built = buildFilesystem(env, new BlockDevice(env, device.model), task.jobs, { fs: task.fs, logger: task.logger, overrides: task.fsOverrides });
  return built.warnings;
}
