// Faults the crash checker can inject into btrfs's fsync path, each a way to break durability that
// the checker must catch: no cache flush before the superblock, the superblock written before the
// log blocks are on the device, a log written without the checksums of the data it logs, and an
// fsync that returns before its superblock write has completed.
export const INJECTIONS = ["skip-flush", "super-before-log", "drop-log-csums", "early-ack"] as const;
export type Injection = (typeof INJECTIONS)[number];

export const INJECTION_HELP: Readonly<Record<Injection, string>> = {
  "skip-flush": "btrfs_sync_log writes the superblock without the cache flush before it",
  "super-before-log": "the superblock is written as soon as the log blocks are submitted, before they complete",
  "drop-log-csums": "the log is written without the checksum items of the data it logs",
  "early-ack": "fsync returns before the superblock write (with FUA) has completed",
};
