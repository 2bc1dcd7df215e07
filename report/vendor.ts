// The report page renders its charts with vega-embed in the browser, offline: the UMD builds of
// vega, vega-lite and vega-embed are copied from node_modules beside the page (no CDN, no network).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The scripts, in load order: the name the page uses, and the file in its package. */
export const VENDOR_SCRIPTS = [
  { name: "vendor-vega.min.js", pkg: "vega", file: "build/vega.min.js" },
  { name: "vendor-vega-lite.min.js", pkg: "vega-lite", file: "build/vega-lite.min.js" },
  { name: "vendor-vega-embed.min.js", pkg: "vega-embed", file: "build/vega-embed.min.js" },
] as const;

/** The package's directory, from its resolved entry point (the packages do not export package.json). */
function packageDir(pkg: string): string {
  const entry = fileURLToPath(import.meta.resolve(pkg));
  const marker = `/node_modules/${pkg}/`;
  const at = entry.lastIndexOf(marker);
  if (at < 0) throw new Error(`cannot find the directory of ${pkg} from ${entry}`);
  return entry.slice(0, at + marker.length);
}

/** The vendor scripts' contents, to be written beside the page. */
export function vendorFiles(): Array<{ name: string; content: string }> {
  return VENDOR_SCRIPTS.map((s) => ({ name: s.name, content: readFileSync(join(packageDir(s.pkg), s.file), "utf8") }));
}
