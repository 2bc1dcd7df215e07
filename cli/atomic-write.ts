// Output files appear whole or not at all: every file is written to a temporary name in the target
// directory, and only when all are written are they renamed into place (rename is atomic within a
// directory). A failure removes the temporaries and leaves earlier outputs untouched.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../lib/index.ts";

export interface OutputFile {
  /** File name within the directory (no separators). */
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** Writes `files` into `dir` (created if needed); returns their paths. */
export function writeFilesAtomically(dir: string, files: readonly OutputFile[], where = "--out"): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(where, `cannot create directory '${dir}': ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const staged: Array<[tmp: string, final: string]> = [];
  try {
    for (const f of files) {
      if (f.name.includes("/") || f.name.includes("\\") || f.name.startsWith(".")) throw new RangeError(`bad output name '${f.name}'`);
      const tmp = join(dir, `.${f.name}.tmp-${process.pid}`);
      writeFileSync(tmp, f.content);
      staged.push([tmp, join(dir, f.name)]);
    }
  } catch (error) {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    if (error instanceof RangeError) throw error;
    throw new InputError(where, `cannot write into '${dir}': ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  for (const [tmp, final] of staged) renameSync(tmp, final);
  return staged.map(([, final]) => final);
}

/** Writes one file at `path` whole or not at all (its directory is created if needed). */
export function writeFileAtomically(path: string, content: string | Uint8Array, where: string): void {
  const name = basename(path);
  if (name === "" || name.startsWith(".")) throw new InputError(where, `'${path}' is not a file name to write`);
  writeFilesAtomically(dirname(path), [{ name, content }], where);
}

/** A file-name-safe form of untrusted text (job names come from job files). */
export function safeFileStem(text: string): string {
  const stem = text.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._-]+/, "");
  return stem === "" ? "job" : stem.slice(0, 100);
}
