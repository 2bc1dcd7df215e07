// Types of bin/v8-tuning.js (plain JavaScript, run before anything is compiled) for its TypeScript
// importers: the benchmarks.
/** V8's --max-inlined-bytecode-size-cumulative for the command, bytes of bytecode (V8 11's default: 920). */
export declare const INLINING_BUDGET_BYTES: number;
/** Applies the settings; call before loading the simulator. */
export declare function tuneV8(): void;
