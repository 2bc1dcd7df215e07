// The import rule: the top-level folders are layers, and an import may only go from a folder to
// one that LAYERS lets it use (type-only imports count: a type is a dependency too). No files may
// import each other in a cycle, within a folder or across. The checks themselves are tested on
// made-up graphs first, so that a check that could not fail does not pass for the tree.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cycles, folderEdges, importEdges, layerViolations, sourceFiles, type ImportEdge } from "../helpers/import-graph.ts";

/**
 * What each folder may import, lowest layer first (each folder's README says the same, and a test
 * below holds them to it).
 * lib: parameters, errors, messages, small algorithms. sim: the event core. block: bios, the
 * request queue and the device interface it calls. devices: the device models. fs: the filesystem
 * interface and the raw device. btrfs: the btrfs model. workloads: fio jobs and iologs. validation:
 * published measurements and what the calibration fitted (data). run: a
 * workload, a filesystem and a device wired into a run; the registries of filesystems; sweeps.
 * crash: the crash-consistency checker. charts, report, cli: the outputs and the command line
 * (which reads its version from package.json). tools: benchmarks, calibration and generators,
 * above everything (its micro-benchmarks reuse the tests' harnesses).
 */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  lib: [],
  sim: ["lib"],
  block: ["lib", "sim"],
  devices: ["lib", "block"],
  fs: ["lib", "sim", "block"],
  btrfs: ["lib", "sim", "block", "fs"],
  workloads: ["lib", "fs"],
  validation: [],
  run: ["lib", "sim", "block", "devices", "fs", "btrfs", "workloads", "validation"],
  crash: ["lib", "sim", "block", "fs", "btrfs", "workloads", "run"],
  charts: ["lib", "devices", "run"],
  report: ["lib", "devices", "run", "charts"],
  cli: ["lib", "sim", "block", "devices", "fs", "btrfs", "workloads", "validation", "run", "crash", "charts", "report", "package.json"],
  tools: ["lib", "sim", "block", "devices", "fs", "btrfs", "workloads", "validation", "run", "crash", "charts", "report", "cli", "bin", "test"],
};

const ROOT = ".";
const SCANNED = Object.keys(LAYERS);

const edge = (from: string, to: string): ImportEdge => ({ from, to });

describe("the import checks", () => {
  it("flag an import against the table's direction, and only that one", () => {
    const table = { lib: [], sim: ["lib"] };
    const edges = [edge("sim/a.ts", "lib/b.ts"), edge("lib/b.ts", "sim/a.ts"), edge("lib/b.ts", "lib/c.ts")];
    expect(layerViolations(edges, table)).toEqual([edge("lib/b.ts", "sim/a.ts")]);
  });

  it("find cycles of files, and report none in a tree", () => {
    expect(cycles([edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "d")])).toEqual([["a", "b", "c"]]);
    expect(cycles([edge("a", "b"), edge("b", "c"), edge("a", "c")])).toEqual([]);
    expect(cycles([edge("a", "a")])).toEqual([["a"]]);
  });

  it("read type-only and dynamic imports as edges", () => {
    const edges = importEdges(ROOT, ["test/architecture/fixtures/imports.ts"]).map((e) => e.to);
    expect(edges).toEqual(["lib/index.ts", "sim/index.ts", "block/index.ts", "fs/index.ts"]);
  });
});

describe("the source tree", () => {
  const edges = importEdges(ROOT, sourceFiles(ROOT, SCANNED));

  it("has a layer table without cycles", () => {
    expect(cycles(Object.entries(LAYERS).flatMap(([from, tos]) => tos.map((to) => edge(from, to))))).toEqual([]);
  });

  it("imports only in the allowed direction", () => {
    const bad = layerViolations(edges, LAYERS).map((e) => `${e.from} -> ${e.to}`);
    expect(bad, `imports against the layering (test/architecture/layers.test.ts, LAYERS):\n${bad.join("\n")}`).toEqual([]);
  });

  it("says in each folder's README what it may import, as the table does", () => {
    for (const [folder, allowed] of Object.entries(LAYERS)) {
      const line = /^May import: (.*)\.$/m.exec(readFileSync(`${folder}/README.md`, "utf8"))?.[1];
      const listed = line === "nothing of the project" ? [] : (line ?? "").split(", ");
      expect([...listed].sort(), `${folder}/README.md`).toEqual([...allowed].sort());
    }
  });

  it("has no folder cycle and no file cycle, type-only imports included", () => {
    expect(cycles(folderEdges(edges))).toEqual([]);
    expect(cycles(edges)).toEqual([]);
  });
});
