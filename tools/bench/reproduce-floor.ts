// The floor under `fsyncsim reproduce`'s time: its four cells' CPU time when warm (measured by
// tools/bench/reproduce-floor-case.ts in a process of its own), spread evenly over the machine's cores.
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
  const r = spawnSync(process.execPath, ["--import", "tsx", "tools/bench/reproduce-floor-case.ts"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tools/bench/reproduce-floor-case.ts failed (${r.signal ?? `status ${r.status}`}): ${r.stderr}`);
  const result = JSON.parse(r.stdout) as FloorResult;
  const cores = availableParallelism();
  const cpuMs = result.cells.reduce((sum, c) => sum + c.cpuMs, 0);
  return { ...result, cpuMs, cores, floorMs: floorMs(result.cells.map((c) => c.cpuMs), cores) };
}

/**
 * The shortest wall time of independent tasks taking `cpuMs` each on `cores` cores: their sum
 * spread evenly over the cores they can use (no more than one per task), or the longest task if
 * that is longer.
 */
export function floorMs(cpuMs: readonly number[], cores: number): number {
  if (cpuMs.length === 0) return 0;
  const sum = cpuMs.reduce((a, b) => a + b, 0);
  return Math.max(sum / Math.min(cores, cpuMs.length), Math.max(...cpuMs));
}
