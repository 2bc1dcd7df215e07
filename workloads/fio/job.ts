// From job-file text to typed jobs, with fio's inheritance rule: a job section starts from the
// options of every [global] section above it, then applies its own; `--set` overrides apply last.
// Each option value keeps where it came from (FILE:LINE or the --set flag) so that any error names
// the file, line and option. The I/O engine is checked before the option names, so that a job
// written for an engine we do not simulate is refused for its engine, not for that engine's options.
import { readInputText } from "../../lib/read-input.ts";
import { MSG } from "../../lib/messages.ts";
import { InputError } from "../../lib/input-error.ts";
import { closestMatch } from "../../lib/suggest.ts";
import { FIO_ENGINES, FIO_OPTION_NAMES } from "./fio-catalogue.ts";
import { parseIni } from "./ini.ts";
import { OptionReader, type RawOptions } from "./option-reader.ts";
import { findFioOption, fioOptionNames } from "./options.ts";
import type { FioJob } from "./job-types.ts";
import { typedJob } from "./typed-job.ts";

export type { FioJob } from "./job-types.ts";

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

/** Reads and resolves the job file at `path`. */
export function readJobFile(path: string, overrides: readonly JobOverride[] = []): ResolvedJobs {
  return resolveJobs(readInputText(path, MSG.fioUnreadable), path, overrides);
}

/** One option as written: the name as the user spelled it, its text and where. */
interface Written {
  readonly name: string;
  readonly text: string | undefined;
  readonly where: string;
}

/** Resolves job-file `text` (read from `file`) into typed jobs. */
export function resolveJobs(text: string, file: string, overrides: readonly JobOverride[] = []): ResolvedJobs {
  let globals: Written[] = [];
  const sections: Array<{ section: string; written: Written[] }> = [];
  for (const section of parseIni(text, file)) {
    const entries = section.entries.map((e) => ({ name: e.key, text: e.value, where: `${file}:${e.line}` }));
    if (section.name === "global") globals = [...globals, ...entries];
    else sections.push({ section: section.name, written: [...globals, ...entries] });
  }
  if (sections.length === 0) throw new InputError(file, MSG.fioNoJobs());
  const warnings: string[] = [];
  const jobs = sections.map(({ section, written }, index) => {
    const all = [...written, ...overrides.map((o) => ({ name: o.key, text: o.value as string | undefined, where: o.where }))];
    checkEngine(all);
    const raw: RawOptions = new Map();
    for (const w of all) raw.set(canonicalKey(w), { text: w.text, where: w.where });
    return typedJob(section, index, new OptionReader(raw, file), file, warnings);
  });
  return { jobs, warnings };
}

/** The last ioengine= wins; an engine fsyncsim does not simulate (or fio does not know) is refused first. */
function checkEngine(all: readonly Written[]): void {
  const engine = [...all].reverse().find((w) => w.name === "ioengine");
  if (engine?.text === undefined) return;
  const option = findFioOption("ioengine");
  const value = engine.text.trim();
  if (option?.choices?.includes(value) === true) {
    const why = option.notSimulated?.[value];
    if (why !== undefined) throw new InputError(engine.where, MSG.fioNotSimulated("ioengine", value, why));
    return;
  }
  if (value.includes("/") || value.endsWith(".so") || value.startsWith("external:")) {
    throw new InputError(engine.where, MSG.fioExternalEngine(value));
  }
  if (FIO_ENGINES.includes(value)) throw new InputError(engine.where, MSG.fioNotSimulated("ioengine", value, "this engine is not simulated"));
  throw new InputError(engine.where, MSG.fioUnknownEngine(value, closestMatch(value, [...FIO_ENGINES])));
}

/** The table's key for a written option name; refuses names fsyncsim does not read. */
function canonicalKey(w: Written): string {
  const option = findFioOption(w.name);
  if (option !== undefined) return option.key;
  const fioName = FIO_OPTION_NAMES.get(w.name);
  if (fioName !== undefined) throw new InputError(w.where, MSG.fioOptionNotSimulated(w.name, fioName));
  throw new InputError(w.where, MSG.fioUnknownOption(w.name, closestMatch(w.name, fioOptionNames())));
}
