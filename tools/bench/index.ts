// `npm run bench`: the micro-benchmarks of the simulator's hot paths (tools/bench/micro/) and the
// whole-run benchmarks against issue 7's targets (tools/bench/whole-run.ts), printed as one table and
// written, with the machine they ran on, to results/bench/latest.md (quick: results/bench/quick.md).
// Usage: npm run bench [-- --quick] [--scale F] [--only micro|whole] [--out FILE] [--timeout-s S]
//   --quick      micro tasks for 100 ms instead of 400 ms; whole runs at 1/8 size, reproduce once
//   --scale F    whole-run job sizes times F (overrides --quick's 1/8)
//   --only P     run only the micro or only the whole-run part
//   --timeout-s  stop a whole-run case after S seconds (default 1800)
import { parseArgs } from "node:util";
import { runMicro } from "./micro/index.ts";
import { formatTable, machineLines, writeAtomically, type BenchRow } from "./report.ts";
import { runWholeRuns } from "./whole-run.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    scale: { type: "string" },
    only: { type: "string" },
    out: { type: "string" },
    "timeout-s": { type: "string", default: "1800" },
  },
});
const quick = values.quick === true;
const scale = Number(values.scale ?? (quick ? 1 / 8 : 1));
const only = values.only;
if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${values.scale}`);
const timeoutS = Number(values["timeout-s"]);
if (!(timeoutS > 0)) throw new Error(`--timeout-s must be a positive number, got ${values["timeout-s"]}`);
if (only !== undefined && only !== "micro" && only !== "whole") throw new Error(`--only must be micro or whole, got ${only}`);
const out = values.out ?? (quick ? "results/bench/quick.md" : "results/bench/latest.md");

const progress = (rows: readonly BenchRow[]): void => {
  for (const r of rows) process.stderr.write(`  done: ${r.name}\n`);
};
const rows: BenchRow[] = [];
if (only !== "whole") {
  process.stderr.write("micro-benchmarks...\n");
  rows.push(...(await runMicro({ timeMs: quick ? 100 : 400, warmupMs: quick ? 50 : 100, onRows: progress })));
}
if (only !== "micro") {
  process.stderr.write(`whole runs at ${scale === 1 ? "full size" : `${scale} x size`}...\n`);
  rows.push(...runWholeRuns({ scale, reproduceRuns: quick ? 1 : 3, timeoutS, onRow: (r) => progress([r]) }));
}

const table = formatTable(rows);
process.stdout.write(table);
const notes = [
  "ops/s: task calls per second (micro; each name says what one call does) or simulated fsyncs per wall-clock second (runs);",
  "mean: per call, or the run's wall time (runJob only, process start excluded; reproduce: the whole command; its floor: the cells' warm CPU time over the cores);",
  "±: 95 % margin of error of the mean; peak RSS: of the run's own process.",
  ...(scale === 1 ? [] : [`*: measured at ${scale} x the issue's job sizes, time limits scaled alike; indicative only.`]),
];
const doc = [
  `# fsyncsim benchmarks${quick ? " (quick pass)" : ""}${only === undefined ? "" : ` (${only} part only)`}`,
  "",
  "`npm run bench` (tools/bench/index.ts); targets from issue 7, for a 2-core machine.",
  "",
  ...machineLines().map((l) => `- ${l}`),
  "",
  table,
  ...notes,
  "",
].join("\n");
writeAtomically(out, doc);
process.stderr.write(`written to ${out}\n`);
