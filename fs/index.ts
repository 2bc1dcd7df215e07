// The filesystem layer's interface: what a job process calls (FileSystem), how a file is laid out,
// the registry entry a filesystem kind provides (FsSpec), the recording hook a crash checker
// installs, and the raw device, the one filesystem that is no filesystem.
export { FSYNC_PATHS, PHASES, type FileHandle, type FileSystem, type FsyncPath, type FsyncReport, type IoContext, type OpenFlags, type Phase } from "./filesystem.ts";
export type { FileLayout } from "./file-layout.ts";
export type { DataImage, FileFsync, FileRecorder, FileTruncate, FileWrite } from "./recorder.ts";
export type { FsParamGroup, FsParamGroups, FsParamValues, FsSpec, JobTraits, LoggerSpec } from "./spec.ts";
export { RawDeviceFs, rawSpec } from "./raw.ts";
