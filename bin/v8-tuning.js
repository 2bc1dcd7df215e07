// V8 settings the fsyncsim command runs with, set before any of its own code is compiled (and
// before any worker thread starts: V8's flags are per process, and workers take no flags of their
// own). A smaller budget for inlining into one optimized function: each worker isolate compiles
// the simulator afresh, and with half V8's default budget it compiles less (callgrind, 20 MiB
// truncate-and-copy run: 10.2 -> 9.3 G instructions cold) while warm code runs no slower (two
// warm runs 10.47 -> 10.32 G); `fsyncsim reproduce`, medians of 5 alternating runs, 3.10 -> 2.96 s
// (docs/performance.md).
// An inlining heuristic changes only which code V8 generates, never what the simulation computes.
import { setFlagsFromString } from "node:v8";

/** V8's --max-inlined-bytecode-size-cumulative for the command, bytes of bytecode (V8 11's default: 920). */
export const INLINING_BUDGET_BYTES = 460;

/** Applies the settings; call before loading the simulator. */
export function tuneV8() {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET_BYTES}`);
}
