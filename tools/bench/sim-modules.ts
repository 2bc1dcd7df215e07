// The simulator's modules for a benchmark process, loaded as the fsyncsim command loads them: with
// its V8 settings (bin/v8-tuning.js), from the compiled copy in dist/ while that is current
// (bin/entry.js), else from the TypeScript sources (the process must then run with tsx's loader).
import { fileURLToPath } from "node:url";
import { compiledIsFresh } from "../../bin/entry.js";
import { tuneV8 } from "../../bin/v8-tuning.js";

tuneV8();

/** The compiled copy in dist/ is loaded (else the sources through tsx). */
export const compiled = compiledIsFresh(fileURLToPath(new URL("../..", import.meta.url)));
const from = (module: string): string => new URL(compiled ? `../../dist/${module}.js` : `../../${module}.ts`, import.meta.url).href;

export const run = (await import(from("run/index"))) as typeof import("../../run/index.ts");
export const btrfs = (await import(from("btrfs/index"))) as typeof import("../../btrfs/index.ts");
export const devices = (await import(from("devices/index"))) as typeof import("../../devices/index.ts");
export const workloads = (await import(from("workloads/index"))) as typeof import("../../workloads/index.ts");

/** The seed's fio job: the job `fsyncsim reproduce` runs, and the whole-run cases resize. */
export const SEED_JOB = "workloads/jobs/seed.fio";
