// From job-file text to typed jobs, with fio's inheritance rule: a job section starts from the
// options of every [global] section above it, then applies its own; `--set` overrides apply last.
// Each option value keeps where it came from (FILE:LINE or the --set flag) so that any error names
// the file, line and option.
import { readFileSync } from "node:fs";
import { MSG } from "../../sim/messages.ts";
import { InputError } from "../../sim/util/input-error.ts";
import { closestMatch } from "../../sim/util/suggest.ts";
import { parseIni } from "./ini.ts";
import { findFioOption, fioOptionNames, type FioOption } from "./options.ts";
import { parseFioBool, parseFioInteger } from "./values.ts";

/** A job as the simulator runs it: fio's options resolved to typed values with units in the names. */
export interface FioJob {
  readonly name: string;
  readonly description: string;
  /** The job file it came from (as given on the command line). */
  readonly file: string;
  readonly rw: "write" | "randwrite";
  readonly bsBytes: number;
  readonly sizeBytes: number;
  readonly filename: string;
  /** fsync=N: an fsync after every N writes (0 = none). */
  readonly fsyncEvery: number;
  /** fdatasync=N: an fdatasync after every N writes (0 = none). */
  readonly fdatasyncEvery: number;
  /** O_SYNC ("sync") or O_DSYNC ("dsync") writes. */
  readonly syncMode: "none" | "sync" | "dsync";
  readonly fallocate: "none" | "native" | "posix" | "keep" | "truncate";
  readonly norandommap: boolean;
  readonly randrepeat: boolean;
  /** randseed, if the job sets it; otherwise the run's --seed seeds the offsets. */
  readonly randseed: number | undefined;
  readonly ioengine: "sync" | "psync" | "ftruncate";
  readonly iodepth: number;
  readonly endFsync: boolean;
  readonly kbBase: 1024 | 1000;
  /** The options as written (canonical key -> text), for the results metadata. */
  readonly options: Readonly<Record<string, string>>;
}

/** An option value given on the command line (`--set bs=8k`). */
export interface JobOverride {
  readonly key: string;
  readonly value: string;
  /** Where to point in errors, e.g. "--set bs=8k". */
  readonly where: string;
}

export interface ResolvedJobs {
  readonly jobs: FioJob[];
  /** Caveats to show the user (never errors). */
  readonly warnings: string[];
}

interface RawValue {
  readonly text: string | undefined;
  readonly where: string;
}
type RawOptions = Map<string, RawValue>;

/** Reads and resolves the job file at `path`. */
export function readJobFile(path: string, overrides: readonly JobOverride[] = []): ResolvedJobs {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String(error);
    throw new InputError(path, MSG.fioUnreadable(reason));
  }
  return resolveJobs(text, path, overrides);
}

/** Resolves job-file `text` (read from `file`) into typed jobs. */
export function resolveJobs(text: string, file: string, overrides: readonly JobOverride[] = []): ResolvedJobs {
  const globals: RawOptions = new Map();
  const jobs: Array<{ section: string; raw: RawOptions }> = [];
  for (const section of parseIni(text, file)) {
    const raw: RawOptions = section.name === "global" ? globals : new Map(globals);
    for (const entry of section.entries) setRaw(raw, entry.key, entry.value, `${file}:${entry.line}`);
    if (section.name !== "global") jobs.push({ section: section.name, raw });
  }
  if (jobs.length === 0) throw new InputError(file, MSG.fioNoJobs());
  if (jobs.length > 1) throw new InputError(file, MSG.fioTooManyJobs(jobs.length, jobs.map((j) => j.section).join(", ")));
  const warnings: string[] = [];
  const resolved = jobs.map(({ section, raw }) => {
    for (const o of overrides) setRaw(raw, o.key, o.value, o.where);
    return typedJob(section, raw, file, warnings);
  });
  return { jobs: resolved, warnings };
}

function setRaw(raw: RawOptions, name: string, text: string | undefined, where: string): void {
  const option = findFioOption(name);
  if (option === undefined) throw new InputError(where, MSG.fioUnknownOption(name, closestMatch(name, fioOptionNames())));
  raw.set(option.key, { text, where });
}

function typedJob(section: string, raw: RawOptions, file: string, warnings: string[]): FioJob {
  const opt = (key: string): FioOption => findFioOption(key) as FioOption;
  const valueOf = (key: string): RawValue | undefined => {
    const v = raw.get(key);
    if (v !== undefined && v.text === undefined && opt(key).type !== "bool") {
      throw new InputError(v.where, MSG.fioMissingValue(key));
    }
    return v;
  };
  const choice = (key: string): string => {
    const o = opt(key);
    const v = valueOf(key);
    const text = v?.text ?? o.default ?? "";
    const where = v?.where ?? file;
    if (!(o.choices ?? []).includes(text)) throw new InputError(where, MSG.fioBadChoice(key, text, o.choices ?? []));
    const why = o.notSimulated?.[text];
    if (why !== undefined) throw new InputError(where, MSG.fioNotSimulated(key, text, why));
    return text;
  };
  const kbBase = Number(choice("kb_base")) as 1024 | 1000;
  const integer = (key: string): number | undefined => {
    const o = opt(key);
    const v = valueOf(key);
    const text = v?.text ?? o.default;
    if (text === undefined) return undefined;
    const where = v?.where ?? file;
    const n = parseFioInteger(key, text, kbBase, where);
    if (o.min !== undefined && n < o.min) {
      throw new InputError(where, o.min === 1 && n === 0 ? MSG.fioZero(key) : MSG.fioBelowMin(key, text, o.min));
    }
    return n;
  };
  const bool = (key: string): boolean => {
    const v = valueOf(key);
    return v === undefined ? opt(key).default === "1" : parseFioBool(key, v.text, v.where);
  };
  const str = (key: string): string | undefined => valueOf(key)?.text;

  const name = str("name") ?? section;
  const numjobs = integer("numjobs") as number;
  if (numjobs !== 1) {
    const v = raw.get("numjobs");
    throw new InputError(v?.where ?? file, MSG.fioNotSimulated("numjobs", String(numjobs), "one process per job for now"));
  }
  const sizeBytes = integer("size");
  if (sizeBytes === undefined) throw new InputError(file, MSG.fioSizeRequired(name));
  const bsBytes = integer("bs") as number;
  if (bsBytes > sizeBytes) throw new InputError(raw.get("bs")?.where ?? raw.get("size")?.where ?? file, MSG.fioBsLargerThanSize(name, bsBytes, sizeBytes));
  if (sizeBytes % bsBytes !== 0) warnings.push(MSG.fioSizeRemainder(name, sizeBytes, bsBytes));
  const ioengine = choice("ioengine") as FioJob["ioengine"];
  const iodepth = integer("iodepth") as number;
  if (iodepth > 1) warnings.push(MSG.fioIodepthNoEffect(iodepth, ioengine));
  const randrepeat = bool("randrepeat");
  const randseed = integer("randseed");
  if (!randrepeat && randseed === undefined) warnings.push(MSG.fioRandrepeatOff());
  choice("direct"); // validated only: direct=1 is refused as not simulated
  const sync = choice("sync");
  const fallocate = choice("fallocate");
  return {
    name,
    description: str("description") ?? "",
    file,
    rw: choice("rw") as "write" | "randwrite",
    bsBytes,
    sizeBytes,
    filename: str("filename") ?? `${name}.0.0`,
    fsyncEvery: integer("fsync") as number,
    fdatasyncEvery: integer("fdatasync") as number,
    syncMode: sync === "1" || sync === "sync" ? "sync" : sync === "dsync" ? "dsync" : "none",
    fallocate: fallocate === "0" ? "none" : fallocate === "1" ? "posix" : (fallocate as FioJob["fallocate"]),
    norandommap: bool("norandommap"),
    randrepeat,
    randseed,
    ioengine,
    iodepth,
    endFsync: bool("end_fsync"),
    kbBase,
    options: Object.fromEntries([...raw].map(([k, v]) => [k, v.text ?? "1"])),
  };
}
