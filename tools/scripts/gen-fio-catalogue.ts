// Regenerates workloads/fio/fio-catalogue.ts from the fio on PATH: every option and ioengine name
// fio knows, so that fsyncsim can tell "fio option we do not simulate" from "not a fio option".
// Run: npx tsx tools/scripts/gen-fio-catalogue.ts   (test/workloads/fio/catalogue.test.ts checks the
// committed file against a fresh run whenever fio is installed).
//
// Sources, all from the installed fio:
//   options  `fio --cmdhelp=all` lists fio's option table, but its printer (parse.c print_option)
//            skips some child options (in fio 3.33: bs_is_seq_rand, iomem_align, softrandommap,
//            verify_async_cpus). So every name in the cmdhelp list, every option name in fio's
//            man page and every key in the example job files is probed with `fio --cmdhelp=<name>`,
//            which answers only for an exact name or alias and prints the option's canonical name
//            and its "alias:" line. (Checked once: probing all 16,570 identifier suffixes found in
//            the fio 3.33 binary finds the same 221 options.) Deprecated options are not listed:
//            fio's help skips them and fio 3.33 refuses them ("Option X is deprecated").
//   engines  `fio --enghelp` (the built-in engines), plus the engines named in the example job
//            files that `fio --enghelp=<engine>` can load as external ones.
//   engine options  `fio --enghelp=<engine>` for each engine, plus the man page's "(engine)option"
//            entries, each probed with `fio --enghelp=<engine>,<option>` for its aliases.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { packagePath } from "../../lib/package-root.ts";
import { fioExamplesDir } from "./fio-examples-dir.ts";

export const CATALOGUE_PATH = packagePath("workloads", "fio", "fio-catalogue.ts");
/** fio processes run at once while probing. */
const PROBE_CONCURRENCY = 4;

interface FioOutput {
  readonly stdout: string;
  readonly stderr: string;
}

export interface FioCatalogue {
  readonly version: string;
  /** canonical option name -> its aliases (general options and engine options). */
  readonly options: ReadonlyMap<string, readonly string[]>;
  /** Aliases whose canonical name differs by engine (net's proto = protocol, rdma's proto = verb). */
  readonly ambiguousAliases: readonly string[];
  /** engine option (or alias) -> engines that have it. */
  readonly engineOptions: ReadonlyMap<string, readonly string[]>;
  readonly engines: readonly string[];
  /** Engines the example job files name that this fio cannot load. */
  readonly unloadableExampleEngines: readonly string[];
}

/** The fio on PATH, or undefined. */
export function findFio(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "fio");
    if (dir !== "" && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function runFio(fio: string, args: readonly string[]): Promise<FioOutput> {
  return new Promise((resolve) => {
    execFile(fio, args, { maxBuffer: 16 * 2 ** 20 }, (_error, stdout, stderr) => resolve({ stdout, stderr }));
  });
}

/** Runs `probe` over `items` with a few fio processes at a time; results in input order. */
async function pooled<T, R>(items: readonly T[], probe: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await probe(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: PROBE_CONCURRENCY }, worker));
  return results;
}

/** Option names from a listing ("name   : help", children indented). */
function listedNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split("\n")) {
    const m = /^\s*([^\s:]+)\s*:/.exec(line);
    if (m?.[1] !== undefined) names.push(m[1]);
  }
  return names;
}

/** The blocks of `--cmdhelp=<name>` / `--enghelp=<e>,<name>` for an exact match: canonical name and aliases. */
function helpBlocks(out: FioOutput): { name: string; aliases: string[] }[] {
  if (out.stderr.includes("No such command") || out.stdout.includes("showing closest match")) return [];
  const blocks: { name: string; aliases: string[] }[] = [];
  let atStart = true;
  for (const line of out.stdout.split("\n")) {
    if (line.trim() === "") {
      atStart = true;
      continue;
    }
    const m = /^\s*([^:]*?)\s*: ?(.*)$/.exec(line);
    if (m === null) continue;
    const [, key = "", value = ""] = m;
    if (atStart) blocks.push({ name: key, aliases: [] });
    else if (key === "alias") blocks.at(-1)?.aliases.push(value.trim());
    atStart = false;
  }
  return blocks;
}

/** fio's man page next to the binary (<prefix>/share/man/man1/fio.1[.gz]), or "". */
function manPage(fio: string): string {
  const prefix = dirname(dirname(realpathSync(fio)));
  for (const name of ["fio.1.gz", "fio.1"]) {
    const path = join(prefix, "share/man/man1", name);
    if (existsSync(path)) return name.endsWith(".gz") ? gunzipSync(readFileSync(path)).toString("utf8") : readFileSync(path, "utf8");
  }
  return "";
}

/** Names on the man page's .B/.BI lines, and its "(engine,...)option" entries. */
function manNames(man: string): { names: string[]; engineOptions: [string, string][] } {
  const names = new Set<string>();
  const engineOptions: [string, string][] = [];
  for (const raw of man.split("\n")) {
    if (!/^\.BI? /.test(raw)) continue;
    const line = raw.replace(/\\-/g, "-").replace(/\\f[A-Z]/g, " ");
    const scoped = /^\.BI? "?\(([^)]*)\)([a-z][a-z0-9_-]*)/.exec(line);
    if (scoped?.[1] !== undefined && scoped[2] !== undefined) {
      for (const engine of scoped[1].split(",")) engineOptions.push([engine, scoped[2]]);
      continue;
    }
    for (const token of line.slice(line.indexOf(" ")).match(/[a-z][a-z0-9_]*(?:-[a-z0-9_]+)*/g) ?? []) names.add(token);
  }
  return { names: [...names], engineOptions };
}

/** Keys and ioengine values of the example job files. */
function exampleNames(): { keys: string[]; engines: string[] } {
  const keys = new Set<string>();
  const engines = new Set<string>();
  const examples = fioExamplesDir();
  if (examples === undefined) return { keys: [], engines: [] };
  for (const file of readdirSync(examples).filter((f) => f.endsWith(".fio")).sort()) {
    for (const line of readFileSync(join(examples, file), "utf8").split("\n")) {
      const m = /^\s*([A-Za-z0-9_-]+)\s*(?:=\s*(.*?))?\s*$/.exec(line);
      if (m?.[1] === undefined || line.trim().startsWith("[")) continue;
      keys.add(m[1]);
      if (m[1] === "ioengine" && m[2] !== undefined && m[2] !== "") engines.add(m[2]);
    }
  }
  return { keys: [...keys], engines: [...engines] };
}

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

export async function collectFioCatalogue(fio: string): Promise<FioCatalogue> {
  const version = (await runFio(fio, ["--version"])).stdout.trim();
  const man = manNames(manPage(fio));
  const examples = exampleNames();

  // General options.
  const listed = listedNames((await runFio(fio, ["--cmdhelp=all"])).stdout);
  const candidates = sorted([...listed, ...man.names, ...examples.keys]);
  const general = new Map<string, Set<string>>();
  for (const out of await pooled(candidates, (name) => runFio(fio, [`--cmdhelp=${name}`]))) {
    for (const block of helpBlocks(out)) {
      const aliases = general.get(block.name) ?? new Set<string>();
      for (const a of block.aliases) aliases.add(a);
      general.set(block.name, aliases);
    }
  }

  // Engines.
  const builtin = (await runFio(fio, ["--enghelp"])).stdout.split("\n").slice(1).map((l) => l.trim()).filter((l) => l !== "");
  const external = examples.engines.filter((e) => !builtin.includes(e));
  const loads = await pooled(external, async (e) => {
    const out = await runFio(fio, [`--enghelp=${e}`]);
    return !/not loadable|not found/.test(out.stderr + out.stdout);
  });
  const engines = sorted([...builtin, ...external.filter((_, i) => loads[i] === true)]);
  const unloadableExampleEngines = sorted(external.filter((_, i) => loads[i] !== true));

  // Engine options: each engine's listing, plus the man page's scoped entries.
  const pairs: [string, string][] = [];
  const listings = await pooled(engines, (e) => runFio(fio, [`--enghelp=${e}`]));
  engines.forEach((e, i) => {
    const out = listings[i];
    if (out !== undefined && !out.stdout.includes("has no options")) for (const o of listedNames(out.stdout)) pairs.push([e, o]);
  });
  for (const [e, o] of man.engineOptions) if (engines.includes(e)) pairs.push([e, o]);
  const uniquePairs = sorted(pairs.map(([e, o]) => `${e},${o}`)).map((p) => p.split(",") as [string, string]);
  const engineCanon = new Map<string, { canonical: string; engines: Set<string> }[]>();
  const engineOptionEngines = new Map<string, Set<string>>();
  const answers = await pooled(uniquePairs, ([e, o]) => runFio(fio, [`--enghelp=${e},${o}`]));
  uniquePairs.forEach(([engine], i) => {
    for (const block of helpBlocks(answers[i] ?? { stdout: "", stderr: "" })) {
      for (const name of [block.name, ...block.aliases]) {
        const engs = engineOptionEngines.get(name) ?? new Set<string>();
        engs.add(engine);
        engineOptionEngines.set(name, engs);
      }
      for (const alias of block.aliases) {
        const entries = engineCanon.get(alias) ?? [];
        const entry = entries.find((x) => x.canonical === block.name);
        if (entry === undefined) entries.push({ canonical: block.name, engines: new Set([engine]) });
        else entry.engines.add(engine);
        engineCanon.set(alias, entries);
      }
      if (!general.has(block.name)) general.set(block.name, new Set());
    }
  });
  const ambiguousAliases = sorted([...engineCanon].filter(([, entries]) => entries.length > 1).map(([alias]) => alias));
  for (const [alias, entries] of engineCanon) {
    if (ambiguousAliases.includes(alias)) general.set(alias, general.get(alias) ?? new Set());
    else for (const entry of entries) general.get(entry.canonical)?.add(alias);
  }

  const options = new Map(sorted(general.keys()).map((name) => [name, sorted(general.get(name) ?? [])] as const));
  const engineOptions = new Map(sorted(engineOptionEngines.keys()).map((name) => [name, sorted(engineOptionEngines.get(name) ?? [])] as const));
  return { version, options, ambiguousAliases, engineOptions, engines, unloadableExampleEngines };
}

/** `items` as comma-separated literals, wrapped at about 110 columns. */
function wrap(items: readonly string[], indent = "  "): string {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    if (line !== "" && indent.length + line.length + item.length + 1 > 110) {
      lines.push(`${indent}${line.trimEnd()}`);
      line = "";
    }
    line += `${item}, `;
  }
  if (line !== "") lines.push(`${indent}${line.trimEnd()}`);
  return lines.join("\n");
}

const q = (s: string): string => JSON.stringify(s);

export function renderFioCatalogue(c: FioCatalogue): string {
  const optionTuples = [...c.options].map(([name, aliases]) => `[${[name, ...aliases].map(q).join(", ")}]`);
  const engineTuples = [...c.engineOptions].map(([name, engines]) => `[${q(name)}, [${engines.map(q).join(", ")}]]`);
  const ambiguous = c.ambiguousAliases.length === 0 ? "none" : c.ambiguousAliases.join(", ");
  const unloadable = c.unloadableExampleEngines.length === 0 ? "none" : c.unloadableExampleEngines.join(", ");
  return `// Generated by \`npx tsx tools/scripts/gen-fio-catalogue.ts\` from ${c.version}; do not edit.
// What fio itself accepts, for fsyncsim's messages: an option or engine fio knows but fsyncsim does not
// simulate is refused as "not simulated"; any other name as unknown. See the script for how each list
// is read from fio (--cmdhelp, --enghelp, the man page, probing each name).
//
// FIO_OPTION_NAMES  fio's option table and every built-in engine's options, each name and alias mapped
//                   to its canonical name. Deprecated options (refused by fio) are not listed. An
//                   engine-option alias whose meaning differs by engine maps to itself: ${ambiguous}.
// FIO_ENGINE_OPTIONS  the options that exist only for some engines (names and aliases), with those engines.
// FIO_ENGINES       fio's built-in engines (\`fio --enghelp\`) and any engine named by an example job file
//                   (/work/shared/fio-examples, newer than this fio) that this fio can load as an external
//                   one. Named by the examples but not loadable by this fio:
${wrap(unloadable.split(", "), "//                     ").replace(/,$/, ".")}

export const FIO_VERSION = ${q(c.version)};

/** [canonical name, ...aliases] */
const OPTIONS: readonly (readonly string[])[] = [
${wrap(optionTuples)}
];

/** [option, engines] */
const ENGINE_OPTIONS: readonly (readonly [string, readonly string[]])[] = [
${wrap(engineTuples)}
];

/** Every job option fio ${c.version.replace(/^fio-/, "")} accepts, aliases included, mapped to its canonical name. */
export const FIO_OPTION_NAMES: ReadonlyMap<string, string> = new Map(
  OPTIONS.flatMap(([name = "", ...aliases]) => [name, ...aliases].map((n) => [n, name] as const)),
);

/** Options that exist only for one or more ioengines: option -> engines. */
export const FIO_ENGINE_OPTIONS: ReadonlyMap<string, readonly string[]> = new Map(ENGINE_OPTIONS);

export const FIO_ENGINES: readonly string[] = [
${wrap(c.engines.map(q))}
];
`;
}

/** The catalogue file's text as the fio on PATH would generate it now. */
export async function generateFioCatalogue(fio: string): Promise<string> {
  return renderFioCatalogue(await collectFioCatalogue(fio));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const fio = findFio();
  if (fio === undefined) {
    process.stderr.write("gen-fio-catalogue: fio is not on PATH\n");
    process.exit(1);
  }
  writeFileSync(CATALOGUE_PATH, await generateFioCatalogue(fio));
  process.stdout.write(`wrote ${CATALOGUE_PATH}\n`);
}
