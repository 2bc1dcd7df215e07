// fio's own example job files (../shared/fio-examples, 107 of them), each run shrunk on the null
// device: every one either runs or is refused with exit code 2 and one line naming the file, the
// line and the option or engine fsyncsim does not simulate. No crash, no stack trace, nothing
// silently ignored.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fioExamplesDir } from "../../tools/scripts/fio-examples-dir.ts";
import { cli } from "../cli/harness.ts";

const DIR = fioExamplesDir() ?? "";
const files = DIR === "" ? [] : readdirSync(DIR).filter((f) => f.endsWith(".fio")).sort();

describe.skipIf(files.length === 0)("fio's example job files", () => {
  it("each runs, or is refused in one line naming the unsupported option or engine", { timeout: 300_000 }, async () => {
    const outcome = { ran: [] as string[], refused: [] as string[] };
    for (const f of files) {
      const path = join(DIR, f);
      const r = await cli(["run", "--job", path, "--device", "null", "--set", "size=1m", "--set", "runtime=1", "--format", "csv"]);
      const errors = r.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("fsyncsim: warning: "));
      if (r.code === 0) {
        expect(errors, f).toEqual([]);
        expect(r.stdout.split("\n")[0], f).toMatch(/^fs,logger,device,job,/);
        outcome.ran.push(f);
        continue;
      }
      expect(r.code, `${f}: ${r.stderr}`).toBe(2);
      expect(errors, f).toHaveLength(1);
      expect(errors[0], f).toMatch(new RegExp(`^fsyncsim: error: ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: `));
      expect(errors[0], f).toMatch(/(is not simulated|unknown or unsupported fio option|unknown ioengine|external engine)/);
      expect(errors[0], f).not.toMatch(/\n\s+at /);
      outcome.refused.push(f);
    }
    expect(outcome.ran.length + outcome.refused.length).toBe(files.length);
    // The ones that run today (a change here is a change in coverage: update the closing note).
    expect(outcome.ran).toEqual(["ftruncate.fio", "tiobench-example.fio"]);
  });
});
