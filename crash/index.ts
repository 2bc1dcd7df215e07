// The crash-consistency checker's public face: run a job, cut the power at many instants, recover
// each device state as btrfs would, and check every returned fsync's promise.
export { crashCheck, type CrashCheckConfig, type CrashCheckResult, type FirstViolation } from "./check.ts";
export { INJECTIONS, INJECTION_HELP, type Injection } from "./inject.ts";
export { CRASH_SUPPORT, crashSupport } from "./filesystems.ts";
export type { CrashSupport } from "./support.ts";
