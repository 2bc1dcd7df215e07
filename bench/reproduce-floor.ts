// The floor under `fsyncsim reproduce`'s time: its four cells' CPU time when warm (measured by
// bench/reproduce-floor-case.ts in a process of its own), spread evenly over the machine's cores.
// Start-up, module loading and each worker's compilation of cold code come on top of it.
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import type { FloorResult } from "./reproduce-floor-case.ts";

export interface ReproduceFloor extends FloorResult {
  /** The cells' warm CPU time, summed, ms. */
  readonly cpuMs: number;
  readonly cores: number;
  /** The shortest wall time the four cells can take, ms: their CPU time over the cores, or the longest cell if that is longer. */
  readonly floorMs: number;
}

export function measureReproduceFloor(): ReproduceFloor {
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/reproduce-floor-case.ts"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench/reproduce-floor-case.ts failed (${r.signal ?? `status ${r.status}`}): ${r.stderr}`);
  const result = JSON.parse(r.stdout) as FloorResult;
  const cpuMs = result.cells.reduce((sum, c) => sum + c.cpuMs, 0);
  const cores = availableParallelism();
  const longest = Math.max(...result.cells.map((c) => c.cpuMs));
  return { ...result, cpuMs, cores, floorMs: Math.max(cpuMs / Math.min(cores, result.cells.length), longest) };
}
