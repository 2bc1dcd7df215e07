// Filesystem kinds a run can use. `btrfs` is named so the CLI can say it is coming, not unknown.
import { MSG } from "../messages.ts";
import { InputError } from "../util/input-error.ts";

export const FS_KINDS = ["raw", "btrfs"] as const;
export type FsKind = (typeof FS_KINDS)[number];

/** Checks `name` is a filesystem the simulator can run now; InputError at `where` otherwise. */
export function checkFsKind(name: string, where = "--fs"): FsKind {
  if (name === "raw") return name;
  if (name === "btrfs") throw new InputError(where, MSG.fsNotYetModelled(name));
  throw new InputError(where, MSG.unknownFs(name, FS_KINDS));
}

export type { FileHandle, FileSystem } from "./filesystem.ts";
export { RawDeviceFs } from "./raw.ts";
