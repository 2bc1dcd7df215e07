// The filesystem plug point as a registry holds it (run/filesystems.ts: FILESYSTEMS): a kind's
// parameter tables, the fsync loggers it offers, which jobs it can run, and how to make one on a
// block device. One spec per filesystem folder (fs/raw.ts, btrfs/spec.ts).
import type { BlockDevice } from "../block/index.ts";
import type { ParamTable, ParamValues } from "../lib/index.ts";
import type { Environment } from "../sim/index.ts";
import type { FileSystem } from "./filesystem.ts";

/** An fsync logger a filesystem offers (btrfs: how btrfs_log_inode fills the log), as users and charts see it. */
export interface LoggerSpec {
  /** Registry name, e.g. "modified-extents". */
  readonly name: string;
  /** Its name for readers ("the patch"). */
  readonly label: string;
  /** Its colour in every chart. */
  readonly color: string;
  /** One line: what it models. */
  readonly summary: string;
}

/** What a filesystem checks of a job before it runs (run/ derives it from a fio job). */
export interface JobTraits {
  readonly name: string;
  /** The job file, for error messages. */
  readonly file: string;
  /** The smallest and largest block size of reads, then of writes, bytes. */
  readonly blockSizes: ReadonlyArray<{ readonly minBytes: number; readonly maxBytes: number }>;
  /** Block sizes are not rounded to the minimum (fio's bs_unaligned). */
  readonly bsUnaligned: boolean;
  /** O_DIRECT. */
  readonly direct: boolean;
  /** The job truncates its files (fio's ftruncate engine). */
  readonly truncates: boolean;
  /** The job's options as written in the file (fio's names), for those a filesystem ignores. */
  readonly options: Readonly<Record<string, string>>;
}

/** One parameter table of a filesystem, with what docs and reports call it. */
export interface FsParamGroup<P extends ParamTable = ParamTable> {
  /** Its heading in docs/parameters.md and the report ("btrfs", "CPU"). */
  readonly title: string;
  /** One sentence: what the table holds and where it is defined. */
  readonly summary: string;
  readonly table: P;
}

/** Parameter groups by their `--set` prefix (`btrfs.X`, `cpu.X`). */
export type FsParamGroups = Readonly<Record<string, FsParamGroup>>;

/** The resolved values of each group's table. */
export type FsParamValues<T extends FsParamGroups> = { readonly [G in keyof T]: ParamValues<T[G]["table"]> };

export interface FsSpec<T extends FsParamGroups = FsParamGroups> {
  /** Registry name, the `--fs` value. */
  readonly name: string;
  /** One line: what is modelled. */
  readonly summary: string;
  readonly params: T;
  /** The fsync loggers it offers, in the order charts list them; none where there is no log. */
  readonly loggers: readonly LoggerSpec[];
  /** The logger a run uses when none is named; undefined where there are none. */
  readonly defaultLogger: string | undefined;
  /** `fsyncsim crash-check` can recover it after a power cut (crash/ has its recovery). */
  readonly crashCheck: boolean;
  /** Refuses a job it cannot run (InputError at the job's file); returns warnings for options that do nothing on it. */
  check(jobs: readonly JobTraits[]): string[];
  /** A freshly made and mounted filesystem on `bdev`, with `logger` (one of `loggers`, or undefined where there are none). */
  create(env: Environment, bdev: BlockDevice, params: FsParamValues<T>, logger: string | undefined): FileSystem;
}
