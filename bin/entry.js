// Which CLI module the fsyncsim command loads: the compiled copy under dist/ (written by
// `npm run build`, which `npm ci` runs through the `prepare` script) when it is at least as new as
// every TypeScript source it was compiled from and the files that configure it, else the sources
// themselves through tsx. Loading the compiled copy saves tsx's transform, about 0.5 s of CPU per
// process and per worker thread; the fallback means an edited source is never run from a stale
// build.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The build's configuration: it compiles the .ts files of every top-level directory but those its
 * "exclude" lists (tests, tools, the command itself), so a new layer needs no entry here.
 */
export const BUILD_CONFIG = "tsconfig.build.json";
/** Files whose change makes a build stale besides the sources. */
const CONFIG_FILES = ["package.json", "tsconfig.json", BUILD_CONFIG];

/** Newest modification time (ms) of the .ts sources the build compiles and its configuration, under `root`. */
export function newestSourceMs(root) {
  let newest = 0;
  for (const file of CONFIG_FILES) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  const { exclude = [] } = JSON.parse(readFileSync(join(root, BUILD_CONFIG), "utf8"));
  const dirs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith(".") && !exclude.includes(d.name));
  for (const { name: dir } of dirs) {
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
