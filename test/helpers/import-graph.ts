// The source tree's import graph, read with TypeScript's own pre-processor (static imports and
// re-exports, type-only ones included, and dynamic `import("...")` in code and in types), and the
// two checks the layering rests on: every import between top-level folders goes the allowed way,
// and no files import each other in a cycle.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";

/** One relative import: the importing file, the imported file, both relative to the root. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

const SOURCE = /\.(ts|mts|mjs|js)$/;

/** Every source file under `dirs` (relative to `root`), as root-relative paths. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  return dirs.flatMap((d) =>
    (readdirSync(join(root, d), { recursive: true }) as string[])
      .filter((f) => SOURCE.test(f) && !f.endsWith(".d.ts"))
      .map((f) => join(d, f))
      .sort(),
  );
}

/** The relative imports of `files`; bare specifiers (packages, node:) are not edges. */
export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const info = ts.preProcessFile(readFileSync(join(root, from), "utf8"), true, true);
    for (const imported of info.importedFiles) {
      if (!imported.fileName.startsWith(".")) continue;
      edges.push({ from, to: normalize(join(dirname(from), imported.fileName)) });
    }
  }
  return edges;
}

/** The top-level folder of a root-relative path. */
export function topFolder(path: string): string {
  return path.split("/")[0] ?? path;
}

/**
 * The imports between top-level folders that `allowed` does not permit: `allowed[A]` lists the
 * folders A may import. A folder not in the table may neither import nor be imported.
 */
export function layerViolations(edges: readonly ImportEdge[], allowed: Readonly<Record<string, readonly string[]>>): ImportEdge[] {
  return edges.filter((e) => {
    const a = topFolder(e.from);
    const b = topFolder(e.to);
    return a !== b && !(allowed[a]?.includes(b) ?? false);
  });
}

/** The cycles of a directed graph (its strongly connected components of more than one node, or a node importing itself). */
export function cycles(edges: ReadonlyArray<{ readonly from: string; readonly to: string }>): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.from) ?? [];
    list.push(e.to);
    next.set(e.from, list);
  }
  // Tarjan's algorithm, iterative so a deep tree cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; i: number }> = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1] as { node: string; i: number };
      const succ = next.get(top.node) ?? [];
      if (top.i < succ.length) {
        const w = succ[top.i++] as string;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(top.node, Math.min(low.get(top.node) as number, index.get(w) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(top.node) as number));
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          component.push(w);
        } while (w !== top.node);
        if (component.length > 1 || succ.includes(top.node)) found.push(component.sort());
      }
    }
  }
  return found;
}

/** The folder graph of `edges` (one edge per pair of distinct top-level folders). */
export function folderEdges(edges: readonly ImportEdge[]): ImportEdge[] {
  const seen = new Set<string>();
  const out: ImportEdge[] = [];
  for (const e of edges) {
    const from = topFolder(e.from);
    const to = topFolder(e.to);
    if (from === to || seen.has(`${from} ${to}`)) continue;
    seen.add(`${from} ${to}`);
    out.push({ from, to });
  }
  return out;
}

/** `path` relative to `root`, with forward slashes (for messages). */
export function shown(root: string, path: string): string {
  return relative(root, join(root, path));
}
