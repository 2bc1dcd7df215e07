// The notebooks execute headless (Deno's Jupyter kernel from node_modules, Debian's nbconvert, which
// .ci/run installs) and give exactly the committed outputs: they run against the current code and
// are deterministic. After a change that moves their numbers, `npm run notebooks` refreshes them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { hasCommand } from "../helpers/commands.ts";

const hasNbconvert = hasCommand("jupyter-nbconvert");
const NOTEBOOKS = readdirSync("notebooks").filter((f) => f.endsWith(".ipynb")).sort();

describe.skipIf(!hasNbconvert)("notebooks", () => {
  it("are the reproduction and the sweep", () => {
    expect(NOTEBOOKS).toEqual(["reproduce.ipynb", "sweep.ipynb"]);
  });

  // One retry: once, in a full-suite run on a loaded machine, this failed and passed on every rerun
  // (cold and warm Deno caches, under load); the cause was not found. A real difference fails twice.
  it("execute headless to exactly their committed outputs", { timeout: 300_000, retry: 1 }, () => {
    const out = mkdtempSync(join(tmpdir(), "fsyncsim-nb-"));
    const env = { ...process.env, JUPYTER_PATH: resolve("notebooks/jupyter"), PATH: `${resolve("node_modules/.bin")}${delimiter}${process.env.PATH ?? ""}`, NO_COLOR: "1" };
    execFileSync(
      "jupyter-nbconvert",
      ["--to", "notebook", "--execute", "--ExecutePreprocessor.record_timing=False", "--ExecutePreprocessor.timeout=600", "--output-dir", out, ...NOTEBOOKS.map((n) => join("notebooks", n))],
      { env, stdio: "pipe" },
    );
    for (const n of NOTEBOOKS) {
      const fresh = JSON.parse(readFileSync(join(out, n), "utf8")) as { cells: Array<{ outputs?: Array<{ output_type: string }> }> };
      expect(fresh.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === "error"), n).toEqual([]);
      expect(readFileSync(join(out, n), "utf8"), n).toBe(readFileSync(join("notebooks", n), "utf8"));
    }
  });
});
