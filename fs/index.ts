// Filesystem kinds a run can use, and the plug-point types.
import { MSG } from "../lib/messages.ts";
import { InputError } from "../lib/input-error.ts";

export const FS_KINDS = ["raw", "btrfs"] as const;
export type FsKind = (typeof FS_KINDS)[number];

/** Checks `name` is a filesystem kind; InputError at `where` otherwise. */
export function checkFsKind(name: string, where = "--fs"): FsKind {
  if ((FS_KINDS as readonly string[]).includes(name)) return name as FsKind;
  throw new InputError(where, MSG.unknownFs(name, FS_KINDS));
}

export { FSYNC_PATHS, PHASES, type FileHandle, type FileSystem, type FsyncPath, type FsyncReport, type IoContext, type OpenFlags, type Phase } from "./filesystem.ts";
export { RawDeviceFs } from "./raw.ts";
