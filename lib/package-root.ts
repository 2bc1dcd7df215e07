// Where the package's own files are (the seed job, the chart fonts), whether this code runs from
// the TypeScript sources or from the compiled copy that `npm run build` writes under dist/.
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** This file is lib/package-root.ts under the package root, or dist/lib/package-root.js. */
const oneUp = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** True when this code is the compiled copy under dist/, false when it runs from the TypeScript sources. */
export const RUNS_COMPILED = basename(oneUp) === "dist";

/** The package's root directory. */
export const PACKAGE_ROOT = RUNS_COMPILED ? dirname(oneUp) : oneUp;

/** A path inside the package, e.g. packagePath("workloads", "jobs", "seed.fio"). */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
