// Which CLI module the fsyncsim command loads: the compiled copy under dist/ (written by
// `npm run build`, which `npm ci` runs through the `prepare` script) when it is at least as new as
// every TypeScript source and package.json, else the sources themselves through tsx. Loading the
// compiled copy saves tsx's transform, about 0.5 s of CPU per process and per worker thread; the
// fallback means an edited source is never run from a stale build.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The directories compiled into dist/ (tsconfig.build.json's "include"). */
export const SOURCE_DIRS = ["cli", "sim", "devices", "workloads", "charts", "report"];

/** Newest modification time (ms) of the package's .ts sources and package.json under `root`. */
export function newestSourceMs(root) {
  let newest = statSync(join(root, "package.json")).mtimeMs;
  for (const dir of SOURCE_DIRS) {
    for (const rel of readdirSync(join(root, dir), { recursive: true })) {
      if (typeof rel === "string" && rel.endsWith(".ts")) newest = Math.max(newest, statSync(join(root, dir, rel)).mtimeMs);
    }
  }
  return newest;
}

/** True if dist/ under `root` holds a build no older than any source. */
export function compiledIsFresh(root) {
  const main = join(root, "dist", "cli", "main.js");
  return existsSync(main) && statSync(main).mtimeMs >= newestSourceMs(root);
}
