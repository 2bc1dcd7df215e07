// The crash checker's plug point for a filesystem: install the recording in a freshly built
// filesystem and, once the run is over, give the check of one device state: mount it as recovery
// would, and compare it with what the returned fsyncs promised. One implementation per folder
// (crash/btrfs/support.ts), listed in filesystems.ts.
import type { FileSystem } from "../fs/index.ts";
import type { DeviceState } from "./device-image.ts";
import type { Injection } from "./inject.ts";
import type { FilePromise } from "./promises.ts";
import type { CrashRecorder } from "./recorder.ts";

/** One device state checked: undefined if every promise holds, else what broke (the first found). */
export type StateCheck = (state: DeviceState, promises: readonly FilePromise[]) => string | undefined;

/** A filesystem being recorded. */
export interface CrashMount {
  /** Called once the run is over: the check of a device state against the record. */
  afterRun(): StateCheck;
}

export interface CrashSupport {
  /** The faults it can inject. */
  readonly injections: readonly Injection[];
  /**
   * Installs `recorder` and the faults in `fs` (built, not yet run) and records what the device
   * holds before the run starts.
   */
  attach(fs: FileSystem, recorder: CrashRecorder, injections: ReadonlySet<Injection>): CrashMount;
}
