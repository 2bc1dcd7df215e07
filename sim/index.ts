// The simulator's public surface for code outside sim/ (CLI, notebooks, benchmarks).
export * from "./core/index.ts";
export * from "./block/index.ts";
export * from "./params/index.ts";
export * from "./fs/index.ts";
export * from "./run/index.ts";
export * from "./btrfs/index.ts";
export * from "./cpu/index.ts";
export { MSG } from "./messages.ts";
export { InputError } from "./util/input-error.ts";
export { closestMatch, editDistance } from "./util/suggest.ts";
export * from "./crash/index.ts";
