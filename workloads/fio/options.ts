// The fio options fsyncsim reads, declared once with fio's own key, aliases, type, default and help
// (the shape of fio's struct fio_option in options.c). An option that is not in this table is
// refused with a suggestion, never ignored; a value fio accepts but fsyncsim does not simulate is
// refused with the reason.

/** fio's option types (parse.h): str_val = integer with size suffix, int = plain count. */
export type FioOptType = "str_val" | "int" | "bool" | "str" | "choice";

export interface FioOption {
  readonly key: string;
  readonly aliases?: readonly string[];
  readonly type: FioOptType;
  /** fio's default, as text; undefined when fio has none (or derives it). */
  readonly default?: string;
  /** For type "choice": every value fio accepts. */
  readonly choices?: readonly string[];
  /** Values fio accepts that fsyncsim does not simulate, with the reason shown to the user. */
  readonly notSimulated?: Readonly<Record<string, string>>;
  /** Smallest accepted value for numbers. */
  readonly min?: number;
  readonly help: string;
}

const READS_LATER = "reads and mixed workloads are not simulated yet (writes only: write, randwrite)";

export const FIO_OPTIONS: readonly FioOption[] = [
  { key: "name", type: "str", help: "job name (defaults to the section name)" },
  { key: "description", type: "str", help: "free text describing the job" },
  {
    key: "rw", aliases: ["readwrite"], type: "choice", default: "read",
    choices: ["read", "write", "randread", "randwrite", "rw", "readwrite", "randrw", "trim", "randtrim", "trimwrite"],
    notSimulated: {
      read: READS_LATER, randread: READS_LATER, rw: READS_LATER, readwrite: READS_LATER, randrw: READS_LATER,
      trim: "trim is not simulated", randtrim: "trim is not simulated", trimwrite: "trim is not simulated",
    },
    help: "I/O pattern: write = sequential writes, randwrite = random writes",
  },
  { key: "bs", aliases: ["blocksize"], type: "str_val", default: "4k", min: 1, help: "block size of each I/O" },
  { key: "size", type: "str_val", min: 1, help: "total bytes of I/O for the job (and the file's size)" },
  { key: "filename", type: "str", help: "file name (default: <name>.0.0)" },
  { key: "fsync", type: "int", default: "0", min: 0, help: "fsync(2) after every N writes (0 = never)" },
  { key: "fdatasync", type: "int", default: "0", min: 0, help: "fdatasync(2) after every N writes (0 = never)" },
  {
    key: "sync", type: "choice", default: "none", choices: ["none", "0", "sync", "1", "dsync"],
    help: "open the file O_SYNC (sync, 1) or O_DSYNC (dsync): each write is durable before it returns",
  },
  {
    key: "fallocate", type: "choice", default: "native", choices: ["none", "native", "posix", "keep", "truncate", "0", "1"],
    help: "how fio lays out the file before the job: preallocate it (native, posix, keep), or not (none, truncate)",
  },
  { key: "norandommap", type: "bool", default: "0", help: "random offsets may repeat (no map of written blocks)" },
  { key: "randrepeat", type: "bool", default: "1", help: "the random sequence is the same on every run" },
  { key: "randseed", type: "int", min: 0, help: "seed of the random offsets (default: the run's --seed)" },
  { key: "numjobs", type: "int", default: "1", min: 1, help: "number of clones of this job (only 1 is simulated yet)" },
  {
    key: "ioengine", type: "choice", default: "psync",
    choices: ["sync", "psync", "ftruncate", "vsync", "pvsync", "pvsync2", "libaio", "io_uring", "posixaio", "mmap", "splice", "null", "sg", "net", "rdma", "falloc", "e4defrag", "cpuio"],
    notSimulated: {
      vsync: "only the sync and psync engines are simulated", pvsync: "only the sync and psync engines are simulated",
      pvsync2: "only the sync and psync engines are simulated", libaio: "asynchronous engines are not simulated",
      io_uring: "asynchronous engines are not simulated", posixaio: "asynchronous engines are not simulated",
      mmap: "memory-mapped I/O is not simulated", splice: "splice is not simulated", null: "fio's null engine does no I/O",
      sg: "SCSI generic I/O is not simulated", net: "network I/O is not simulated", rdma: "RDMA is not simulated",
      falloc: "the falloc engine is not simulated", e4defrag: "the e4defrag engine is not simulated", cpuio: "cpuio does no I/O",
    },
    help: "how fio issues I/O: sync (read/write + lseek), psync (pread/pwrite), or ftruncate (each write unit truncates the file to its offset); all block until done",
  },
  { key: "iodepth", type: "int", default: "1", min: 1, help: "I/Os kept in flight (no effect with sync engines)" },
  {
    key: "direct", type: "choice", default: "0", choices: ["0", "1"],
    notSimulated: { "1": "O_DIRECT is not simulated yet; buffered I/O only" },
    help: "O_DIRECT (1) or buffered (0) I/O",
  },
  { key: "kb_base", type: "choice", default: "1024", choices: ["1024", "1000"], help: "base of k/m/g suffixes" },
  { key: "end_fsync", type: "bool", default: "0", help: "fsync the file once the job's writes are done (counted in runtime)" },
];

const BY_NAME: ReadonlyMap<string, FioOption> = new Map(
  FIO_OPTIONS.flatMap((o) => [o.key, ...(o.aliases ?? [])].map((name) => [name, o] as const)),
);

/** The option for `name` (key or alias), or undefined. Safe for names like `__proto__`. */
export function findFioOption(name: string): FioOption | undefined {
  return BY_NAME.get(name);
}

/** Every accepted option name, aliases included (for suggestions). */
export function fioOptionNames(): string[] {
  return [...BY_NAME.keys()];
}
