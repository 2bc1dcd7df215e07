// bin/entry.js: the command runs the compiled copy only while it is at least as new as every source.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUILD_CONFIG, compiledIsFresh } from "../../bin/entry.js";

let root: string | undefined;
afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A package tree with two source dirs, one source file, and a build at time `builtS` (or none). */
function tree(sourceS: number, builtS: number | undefined): string {
  root = mkdtempSync(join(tmpdir(), "fsyncsim-entry-"));
  const config: Record<string, string> = { "package.json": "{}", "tsconfig.json": "{}", [BUILD_CONFIG as string]: JSON.stringify({ include: ["*/**/*.ts"], exclude: ["test", "dist"] }) };
  for (const [name, text] of Object.entries(config)) {
    writeFileSync(join(root, name), text);
    utimesSync(join(root, name), 1000, 1000);
  }
  for (const dir of ["sim", "workloads", "test"]) mkdirSync(join(root, dir, "deep"), { recursive: true });
  const source = join(root, "sim", "deep", "x.ts");
  writeFileSync(source, "export {};");
  utimesSync(source, sourceS, sourceS);
  if (builtS !== undefined) {
    mkdirSync(join(root, "dist", "cli"), { recursive: true });
    writeFileSync(join(root, "dist", "cli", "main.js"), "");
    utimesSync(join(root, "dist", "cli", "main.js"), builtS, builtS);
  }
  return root;
}

describe("bin/entry.js compiledIsFresh", () => {
  it("is true when the build is newer than every source", () => {
    expect(compiledIsFresh(tree(2000, 3000))).toBe(true);
  });

  it("is false when a source in a nested directory was changed after the build", () => {
    expect(compiledIsFresh(tree(4000, 3000))).toBe(false);
  });

  it("is false when package.json or a compiler configuration changed after the build", () => {
    for (const file of ["package.json", "tsconfig.json", BUILD_CONFIG as string]) {
      const r = tree(2000, 3000);
      utimesSync(join(r, file), 5000, 5000);
      expect(compiledIsFresh(r), file).toBe(false);
    }
  });

  it("ignores sources in the directories the build excludes (tests are not compiled)", () => {
    const r = tree(2000, 3000);
    writeFileSync(join(r, "test", "late.test.ts"), "export {};");
    expect(compiledIsFresh(r)).toBe(true);
  });

  it("is false without a build", () => {
    expect(compiledIsFresh(tree(2000, undefined))).toBe(false);
  });

  it("ignores files that are not TypeScript (job files are read at run time, not compiled)", () => {
    const r = tree(2000, 3000);
    writeFileSync(join(r, "workloads", "late.fio"), "[job]\n");
    expect(compiledIsFresh(r)).toBe(true);
  });
});
