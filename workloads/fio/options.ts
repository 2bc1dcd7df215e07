// The fio options fsyncsim reads, declared once with fio's own key, aliases, type, default and help
// (the shape of fio's struct fio_option in options.c). An option that is not in this table is
// refused: as "not simulated" when fio knows it (fio-catalogue.ts), as unknown with a suggestion
// otherwise; never ignored. A value fio accepts but fsyncsim does not simulate is refused with the
// reason.

/**
 * fio's option types (parse.h): str_val = integer with a size suffix, int = plain count,
 * time = a duration with fio's time suffixes, str = text parsed by the option's own reader.
 */
export type FioOptType = "str_val" | "int" | "bool" | "str" | "choice" | "time";

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
  /** Bounds for numbers. */
  readonly min?: number;
  readonly max?: number;
  /** For type "time": the unit of a bare number, ns (fio: seconds for runtime, µs for thinktime). */
  readonly unitNs?: number;
  /** The option is accepted but changes nothing in a simulation; this says why (shown as a warning). */
  readonly noEffect?: string;
  readonly help: string;
}

const S = 1e9;
const US = 1e3;
const TRIM = "trim is not simulated (the 2012 btrfs model has no discard path)";
const SIMULATED_ENGINES = "simulated engines: sync, psync, vsync, pvsync, posixaio, ftruncate";
const ASYNC = `this asynchronous engine is not simulated (${SIMULATED_ENGINES})`;

export const FIO_OPTIONS: readonly FioOption[] = [
  // --- identity ---
  { key: "name", type: "str", help: "job name (defaults to the section name)" },
  { key: "description", type: "str", help: "free text describing the job" },
  // --- I/O pattern ---
  {
    key: "rw", aliases: ["readwrite"], type: "choice", default: "read",
    choices: ["read", "write", "randread", "randwrite", "rw", "readwrite", "randrw", "trim", "randtrim", "trimwrite", "randtrimwrite"],
    notSimulated: { trim: TRIM, randtrim: TRIM, trimwrite: TRIM, randtrimwrite: TRIM },
    help: "I/O pattern: read, write, randread, randwrite, or mixed rw/randrw (see rwmixread)",
  },
  { key: "rwmixread", type: "int", default: "50", min: 0, max: 100, help: "percentage of reads in a mixed workload" },
  { key: "rwmixwrite", type: "int", default: "50", min: 0, max: 100, help: "percentage of writes in a mixed workload (100 - rwmixread)" },
  { key: "bs", aliases: ["blocksize"], type: "str", default: "4k", help: "block size of each I/O; 'R,W' sets reads and writes apart" },
  { key: "bsrange", aliases: ["blocksize_range"], type: "str", help: "block sizes drawn from a range, e.g. 1k-16k (aligned to the low end)" },
  { key: "bssplit", type: "str", help: "block sizes by weight, e.g. 4k/60:64k/40" },
  { key: "blocksize_unaligned", aliases: ["bs_unaligned"], type: "bool", default: "0", help: "bsrange sizes need not be multiples of the minimum" },
  { key: "random_distribution", type: "str", default: "random", help: "random offsets: random (uniform), zipf:theta, pareto:h, normal:dev%" },
  { key: "norandommap", type: "bool", default: "0", help: "random offsets may repeat (no map of written blocks)" },
  { key: "randrepeat", type: "bool", default: "1", help: "the random sequence is the same on every run" },
  { key: "randseed", type: "int", min: 0, help: "seed of the random offsets (default: the run's --seed)" },
  // --- files ---
  { key: "size", type: "str_val", min: 1, help: "total bytes of I/O for the job, spread over its files" },
  { key: "filesize", type: "str", help: "size of each file, or a range a-b each file draws from" },
  { key: "offset", type: "str", default: "0", help: "where I/O starts in each file: bytes, or a percentage of the file" },
  { key: "io_size", aliases: ["io_limit"], type: "str_val", min: 1, help: "bytes of I/O to do (default: size); more than size loops over the files" },
  { key: "number_ios", type: "int", default: "0", min: 0, help: "stop after this many I/Os (0 = no limit)" },
  { key: "loops", type: "int", default: "1", min: 1, help: "run the job's I/O this many times" },
  { key: "nrfiles", aliases: ["nr_files"], type: "int", default: "1", min: 1, help: "number of files per job (used round robin)" },
  { key: "filename", type: "str", help: "file name(s), colon-separated; shared by all clones (default: <name>.<clone>.<file>)" },
  { key: "directory", type: "str", help: "directory the files are in" },
  {
    key: "fallocate", type: "choice", default: "native", choices: ["none", "native", "posix", "keep", "truncate", "0", "1"],
    help: "how fio lays out the file before the job: preallocate it (native, posix, keep), ftruncate it to size (truncate), or nothing (none)",
  },
  { key: "overwrite", type: "bool", default: "0", help: "write the whole file before the job, so the job's writes overwrite data" },
  { key: "create_on_open", type: "bool", default: "0", help: "create the file when the job opens it (inside the timed phase)" },
  { key: "invalidate", type: "bool", default: "1", help: "drop the file's page cache before the job" },
  // --- syncing ---
  { key: "fsync", type: "int", default: "0", min: 0, help: "fsync(2) after every N writes (0 = never)" },
  { key: "fdatasync", type: "int", default: "0", min: 0, help: "fdatasync(2) after every N writes (0 = never)" },
  {
    key: "sync", type: "choice", default: "none", choices: ["none", "0", "sync", "1", "dsync"],
    help: "open the file O_SYNC (sync, 1) or O_DSYNC (dsync): each write is durable before it returns",
  },
  { key: "end_fsync", type: "bool", default: "0", help: "fsync the files once the job's I/O is done (counted in runtime)" },
  { key: "fsync_on_close", type: "bool", default: "0", help: "fsync each file when the job closes it" },
  { key: "direct", type: "bool", default: "0", help: "O_DIRECT: bypass the page cache" },
  { key: "buffered", type: "bool", default: "1", help: "buffered I/O (the opposite of direct)" },
  // --- processes and timing ---
  { key: "numjobs", type: "int", default: "1", min: 1, max: 4096, help: "number of clones of this job, run as concurrent processes" },
  {
    key: "ioengine", type: "choice", default: "psync",
    choices: [
      "sync", "psync", "vsync", "pvsync", "pvsync2", "posixaio", "ftruncate", "libaio", "io_uring", "io_uring_cmd", "mmap", "splice", "null",
      "sg", "net", "netsplice", "rdma", "falloc", "e4defrag", "cpuio", "exec", "filecreate", "filestat", "filedelete", "dircreate", "dirstat",
      "dirdelete", "http", "nbd", "libpmem", "dev-dax", "solarisaio", "windowsaio", "guasi", "rados", "rbd", "gfapi", "gfapi_async",
      "libhdfs", "mtd", "libiscsi", "libzbc", "xnvme", "libblkio", "libcufile", "nfs", "dfs", "ime_psync", "ime_psyncv", "ime_aio",
      "cpp_null", "page_fault", "libhipfile",
    ],
    notSimulated: Object.fromEntries(
      [
        ["pvsync2", `pwritev2/preadv2 flags are not modelled (${SIMULATED_ENGINES})`],
        ["libaio", ASYNC], ["io_uring", ASYNC], ["io_uring_cmd", ASYNC], ["solarisaio", ASYNC], ["windowsaio", ASYNC], ["guasi", ASYNC],
        ["mmap", "memory-mapped I/O is not simulated"], ["splice", "splice is not simulated"], ["null", "fio's null engine does no I/O"],
        ["cpp_null", "fio's null engine does no I/O"], ["cpuio", "cpuio burns CPU and does no I/O"], ["exec", "exec runs a program, not I/O"],
        ["page_fault", "page-fault I/O is not simulated"],
        ["sg", "SCSI generic I/O is not simulated"], ["net", "network I/O is not simulated"], ["netsplice", "network I/O is not simulated"],
        ["rdma", "RDMA is not simulated"], ["falloc", "the falloc engine is not simulated"], ["e4defrag", "the e4defrag engine is not simulated"],
        ["filecreate", "file-metadata engines are not simulated"], ["filestat", "file-metadata engines are not simulated"],
        ["filedelete", "file-metadata engines are not simulated"], ["dircreate", "file-metadata engines are not simulated"],
        ["dirstat", "file-metadata engines are not simulated"], ["dirdelete", "file-metadata engines are not simulated"],
      ].concat(
        ["http", "nbd", "libpmem", "dev-dax", "rados", "rbd", "gfapi", "gfapi_async", "libhdfs", "mtd", "libiscsi", "libzbc", "xnvme", "libblkio",
          "libcufile", "nfs", "dfs", "ime_psync", "ime_psyncv", "ime_aio", "libhipfile"].map((e) => [e, `the ${e} engine is not simulated (${SIMULATED_ENGINES})`]),
      ),
    ),
    help: "how fio issues I/O: sync (read/write + lseek), psync (pread/pwrite), vsync/pvsync (vectored), posixaio (glibc POSIX AIO, iodepth in flight), ftruncate (each write unit truncates the file)",
  },
  { key: "iodepth", type: "int", default: "1", min: 1, max: 65536, help: "I/Os kept in flight (posixaio; the sync engines have one at a time)" },
  { key: "runtime", aliases: ["timeout"], type: "time", unitNs: S, min: 0, help: "stop the job after this long (seconds unless suffixed: us, ms, s, m, h)" },
  { key: "time_based", type: "bool", default: "0", help: "repeat the I/O until runtime has passed" },
  { key: "startdelay", type: "time", unitNs: S, default: "0", min: 0, help: "start the job this long after the others (seconds unless suffixed)" },
  { key: "thinktime", type: "time", unitNs: US, default: "0", min: 0, help: "pause this long after each I/O (microseconds unless suffixed)" },
  { key: "rate_iops", type: "str", help: "cap on I/Os per second; 'R,W' caps reads and writes apart" },
  { key: "rate", type: "str", help: "cap on bandwidth, bytes per second with size suffixes; 'R,W' caps reads and writes apart" },
  { key: "read_iolog", type: "str", help: "replay this fio iolog (version 2 or 3) instead of generating I/O (the same as run --iolog)" },
  { key: "replay_no_stall", type: "bool", default: "0", help: "replay an iolog as fast as possible, ignoring its timestamps and waits" },
  { key: "thread", type: "bool", default: "0", noEffect: "threads and processes are the same to the simulator", help: "run jobs as threads rather than processes" },
  // --- reporting ---
  { key: "group_reporting", type: "bool", default: "0", help: "report each group's jobs together" },
  { key: "stonewall", aliases: ["wait_for_previous"], type: "bool", default: "0", help: "wait for the jobs before this one to finish; starts a new reporting group" },
  { key: "new_group", type: "bool", default: "0", help: "start a new reporting group" },
  { key: "kb_base", type: "choice", default: "1024", choices: ["1024", "1000"], help: "base of k/m/g suffixes" },
  { key: "unit_base", type: "choice", default: "0", choices: ["0", "8", "1"], help: "report bytes (0, 8) or bits (1)" },
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

/** The engines fsyncsim simulates. */
export const SIMULATED_IOENGINES = ["sync", "psync", "vsync", "pvsync", "posixaio", "ftruncate"] as const;
