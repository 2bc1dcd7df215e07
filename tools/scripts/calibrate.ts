// `npm run calibrate`: fits the calibrated number parameters that validation/cases.ts FITTED
// declares to the cases it names (run/calibration.ts: Gauss-Newton on the log-ratio of simulated to
// measured rate), prints each iteration, the fitted values to put into the parameter tables, and
// every validation case at the fit with its status. A declared parameter that is a choice (the
// disk's destage order) was chosen by comparison, not fitted here: it is listed as such.
// `-- --leave-one-out` refits without each fitted case in turn and prints what the model then
// predicts for the case left out (possible only while more cases than parameters remain).
// Changes nothing in the repository.
// Usage: npm run calibrate [-- --leave-one-out] [--workers N]
import { parseArgs } from "node:util";
import { createRunPool, defaultWorkers, fitParameter, fitParameters, simulateCases, type FitParameter } from "../../run/index.ts";
import { FITTED, VALIDATION_CASES, caseStatus, type ValidationCase } from "../../validation/cases.ts";

const { values: args } = parseArgs({ options: { "leave-one-out": { type: "boolean", default: false }, workers: { type: "string" } } });
const pool = createRunPool(Number(args.workers ?? defaultWorkers()));
const out = (line: string): void => void process.stdout.write(`${line}\n`);
const pct = (sim: number, c: ValidationCase): string => `${(((sim - c.measured) / c.measured) * 100).toFixed(2)} %`;
const round = (v: number): number => Number(v.toPrecision(5));

const numeric: FitParameter[] = [];
for (const f of FITTED) {
  try {
    numeric.push(fitParameter(f.parameter));
  } catch {
    out(`${f.parameter}: chosen by comparison with ${f.cases.join(", ")} (${f.how}); not fitted here`);
  }
}
const fittedCases = VALIDATION_CASES.filter((c) => FITTED.some((f) => numeric.some((p) => p.key === f.parameter) && f.cases.includes(c.id)));
out(`fitting ${numeric.map((p) => p.key).join(", ")} to ${fittedCases.map((c) => c.id).join(", ")}\n`);

const fit = async (cases: readonly ValidationCase[], log: boolean): Promise<Map<string, number>> => {
  const r = await fitParameters({
    parameters: numeric, cases, seed: 1, pool,
    onStep: log ? (i, v, res) => out(`iteration ${i}: ${[...v].map(([k, x]) => `${k} ${round(x)}`).join(", ")} -> ${res.map((x) => `${(x * 100).toFixed(3)} %`).join(", ")}`) : undefined,
  });
  return new Map([...r.values].map(([k, v]) => [k, round(v)]));
};

try {
  const values = await fit(fittedCases, true);
  out(`\nfitted: ${[...values].map(([k, v]) => `${k} = ${v}`).join(", ")}\n`);
  const all = await Promise.all(VALIDATION_CASES.map((c) => simulateCases([c], values, 1, pool).then(([x]) => x as number, (e: unknown) => (e instanceof Error ? e.message : String(e)))));
  VALIDATION_CASES.forEach((c, i) => {
    const sim = all[i] as number | string;
    const shown = typeof sim === "string" ? `does not run: ${sim}` : `${sim.toFixed(3).padStart(12)} ${c.unit.padEnd(18)} measured ${String(c.measured).padStart(6)}  error ${pct(sim, c).padStart(9)}`;
    out(`${c.id.padEnd(22)}${shown}  ${caseStatus(c.id)}`);
  });
  if (args["leave-one-out"] === true) {
    out("\nleave-one-out: refit without each fitted case, then predict it");
    for (const left of fittedCases) {
      const rest = fittedCases.filter((c) => c !== left);
      if (rest.length < numeric.length) {
        out(`${left.id.padEnd(22)}cannot refit: ${numeric.length} parameters from ${rest.length} case(s)`);
        continue;
      }
      const refit = await fit(rest, false);
      const [sim] = await simulateCases([left], refit, 1, pool);
      out(`${left.id.padEnd(22)}refit ${[...refit].map(([k, v]) => `${k} ${v}`).join(", ")}: predicted ${(sim as number).toFixed(3)} ${left.unit}, measured ${left.measured}, error ${pct(sim as number, left)}`);
    }
  }
} finally {
  await pool.destroy();
}
