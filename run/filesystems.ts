// The filesystem registry: every filesystem kind a run can use, by name, and building the one a
// run asks for: its parameters resolved from `--set GROUP.X` (each spec names its groups: btrfs.X,
// cpu.X), its logger checked against those it offers, the jobs checked against what it can run.
// FsKind is derived from the name list and the registry is a Record over it, so a name without a
// spec is a compile error. Adding a filesystem: its folder with an FsSpec, and one line here.
import type { BlockDevice } from "../block/index.ts";
import { btrfsSpec } from "../btrfs/index.ts";
import { rawSpec, type FileSystem, type FsParamGroup, type FsSpec, type JobTraits, type LoggerSpec } from "../fs/index.ts";
import { InputError, MSG, closestMatch, resolveParams, type ParamOverride, type ParamValue } from "../lib/index.ts";
import type { Environment } from "../sim/index.ts";
import { maxBlockBytes, minBlockBytes, type FioJob } from "../workloads/index.ts";

export const FS_KINDS = ["raw", "btrfs"] as const;
export type FsKind = (typeof FS_KINDS)[number];

export const FILESYSTEMS: Readonly<Record<FsKind, FsSpec>> = {
  raw: rawSpec,
  btrfs: btrfsSpec,
};

/** The filesystem a run uses when none is named. */
export const DEFAULT_FS: FsKind = "btrfs";

/** Checks `name` is a filesystem kind; InputError at `where` otherwise. */
export function checkFsKind(name: string, where = "--fs"): FsKind {
  if ((FS_KINDS as readonly string[]).includes(name)) return name as FsKind;
  throw new InputError(where, MSG.unknownFs(name, FS_KINDS));
}

/** Every filesystem's loggers, in registry order (the order charts list them in). */
export const ALL_LOGGERS: readonly LoggerSpec[] = FS_KINDS.flatMap((k) => FILESYSTEMS[k].loggers);

/** A logger of any filesystem, by name; undefined if none has it. */
export function loggerSpec(name: string): LoggerSpec | undefined {
  return ALL_LOGGERS.find((l) => l.name === name);
}

/**
 * The logger a run of `fs` uses: `name`, checked against the loggers it offers (InputError at
 * `where` with a suggestion), or its default; undefined for a filesystem without loggers.
 */
export function fsLogger(fs: FsKind, name: string | undefined, where = "--logger"): string | undefined {
  const spec = FILESYSTEMS[fs];
  if (spec.loggers.length === 0) return undefined;
  if (name === undefined) return spec.defaultLogger;
  const names = spec.loggers.map((l) => l.name);
  if (names.includes(name)) return name;
  throw new InputError(where, MSG.unknownLogger(name, closestMatch(name, names), names));
}

/** The parameter groups of every filesystem, by `--set` prefix (btrfs, cpu). */
export function fsParamGroups(): ReadonlyMap<string, FsParamGroup> {
  const groups = new Map<string, FsParamGroup>();
  for (const kind of FS_KINDS) for (const [name, group] of Object.entries(FILESYSTEMS[kind].params)) groups.set(name, group);
  return groups;
}

/** The filesystem a run asks for. */
export interface FsChoice {
  readonly fs: FsKind;
  /** A logger of the filesystem; undefined for its default. */
  readonly logger?: string | undefined;
  /** `--set GROUP.X=V` overrides, by group. */
  readonly overrides?: Readonly<Record<string, readonly ParamOverride[]>> | undefined;
}

export interface BuiltFs {
  readonly fs: FileSystem;
  /** The logger in force; undefined where the filesystem has none. */
  readonly logger: string | undefined;
  /** The parameters in force, by group ("btrfs", "cpu"), for the results metadata. */
  readonly params: Readonly<Record<string, Readonly<Record<string, ParamValue>>>>;
  readonly warnings: string[];
}

/** What a filesystem checks of a fio job. */
export function jobTraits(job: FioJob): JobTraits {
  return {
    name: job.name,
    file: job.file,
    blockSizes: [job.bs.read, job.bs.write].map((b) => ({ minBytes: minBlockBytes(b), maxBytes: maxBlockBytes(b) })),
    bsUnaligned: job.bsUnaligned,
    direct: job.direct,
    truncates: job.ioengine === "ftruncate",
    options: job.options,
  };
}

/**
 * Resolves the parameters first (so bad input fails before anything runs), then checks the logger
 * and the jobs, then builds the filesystem. Overrides of another filesystem's group are checked
 * against their table too, and named in a warning: they do nothing here.
 */
export function buildFilesystem(env: Environment, bdev: BlockDevice, jobs: readonly FioJob[], choice: FsChoice): BuiltFs {
  const spec = FILESYSTEMS[choice.fs];
  const params: Record<string, Readonly<Record<string, ParamValue>>> = {};
  const warnings: string[] = [];
  const others = fsParamGroups();
  for (const [group, overrides] of Object.entries(choice.overrides ?? {})) {
    if (Object.hasOwn(spec.params, group) || overrides.length === 0) continue;
    const other = others.get(group);
    if (other === undefined) throw new Error(`no filesystem has parameters '${group}.*'`);
    resolveParams(other.table, overrides, `${group}.`);
    warnings.push(MSG.fsIgnoresParams(group, choice.fs));
  }
  for (const [group, { table }] of Object.entries(spec.params)) params[group] = resolveParams(table, choice.overrides?.[group] ?? [], `${group}.`);
  const logger = fsLogger(choice.fs, choice.logger);
  warnings.push(...spec.check(jobs.map(jobTraits)));
  return { fs: spec.create(env, bdev, params, logger), logger, params, warnings };
}
