// The library layer: what every other layer may use. Typed parameter tables and their resolution,
// the one-line InputError and every user-facing message, name suggestions, the binary searches, the
// bitmap behind fio's random map and the block allocator, and where the package's files are.
export * from "./params/index.ts";
export { MSG } from "./messages.ts";
export { InputError } from "./input-error.ts";
export { closestMatch, editDistance } from "./suggest.ts";
export { partitionPoint, partitionPointOf } from "./partition-point.ts";
export { RandomMap } from "./random-map.ts";
export { PACKAGE_ROOT, RUNS_COMPILED, packagePath } from "./package-root.ts";
export { readInputText } from "./read-input.ts";
export { latinHypercube } from "./latin-hypercube.ts";
