// Which filesystems the crash checker can recover: each kind whose FsSpec says crashCheck has an
// entry here (a test holds the two to each other), one folder under crash/ per filesystem.
import { InputError, MSG } from "../lib/index.ts";
import type { FsKind } from "../run/index.ts";
import { btrfsCrashSupport } from "./btrfs/support.ts";
import type { Injection } from "./inject.ts";
import type { CrashSupport } from "./support.ts";

export const CRASH_SUPPORT: Readonly<Partial<Record<FsKind, CrashSupport>>> = {
  btrfs: btrfsCrashSupport,
};

/** The crash support of `fs`, refusing a filesystem without one or a fault it cannot inject (InputError). */
export function crashSupport(fs: FsKind, injections: readonly Injection[]): CrashSupport {
  const support = CRASH_SUPPORT[fs];
  if (support === undefined) throw new InputError("--fs", MSG.crashUnsupportedFs(fs, Object.keys(CRASH_SUPPORT)));
  for (const i of injections) if (!support.injections.includes(i)) throw new InputError("--inject", MSG.crashUnsupportedFault(i, fs));
  return support;
}
