// A fio job as the simulator runs it: fio's options resolved to typed values, with units in the
// names (bytes, ns, percent). One FioJob per job section; numjobs clones run as separate processes.
import type { BlockSizes } from "./block-sizes.ts";
import type { RandomDistribution } from "./random-distribution.ts";

/** rw= after aliases (readwrite -> rw). */
export type RwMode = "read" | "write" | "randread" | "randwrite" | "rw" | "randrw";

/** The simulated I/O engines: all issue one system call at a time per process, but posixaio (iodepth requests in flight). */
export type IoEngine = "sync" | "psync" | "pvsync" | "posixaio" | "ftruncate";

export type FallocateMode = "none" | "native" | "posix" | "keep" | "truncate";

export interface FioJob {
  readonly name: string;
  readonly description: string;
  /** The job file it came from (as given on the command line). */
  readonly file: string;
  /** Position of the job's section among the job sections (0-based). */
  readonly index: number;
  readonly rw: RwMode;
  /** Share of reads in a mixed workload (rw, randrw), percent. */
  readonly rwmixreadPct: number;
  /** Block sizes for reads and writes (bs, bsrange, bssplit). */
  readonly bs: BlockSizes;
  /** blocksize_unaligned: random block sizes need not be multiples of the minimum block size. */
  readonly bsUnaligned: boolean;
  /** size: bytes of I/O for the job, spread over its files. */
  readonly sizeBytes: number;
  /** filesize: each file's size (a range: each file draws one), or undefined (size / nrfiles). */
  readonly filesizeBytes: { readonly min: number; readonly max: number } | undefined;
  /** io_size: bytes of I/O the job does (size unless set; more than size wraps around the files). */
  readonly ioSizeBytes: number;
  /** number_ios: stop after this many I/Os (0 = no limit). */
  readonly numberIos: number;
  /** loops: repeat the job's I/O this many times. */
  readonly loops: number;
  /** offset: where I/O starts in each file, bytes, or percent of the file's size. */
  readonly offset: { readonly bytes: number } | { readonly pct: number };
  readonly nrfiles: number;
  /** filename: explicit names (colon-separated in fio), or undefined (fio's jobname.clone.file). */
  readonly filenames: readonly string[] | undefined;
  /** directory: prefix of generated and relative file names ("" = the current directory). */
  readonly directory: string;
  /** fsync=N: an fsync after every N writes (0 = none). */
  readonly fsyncEvery: number;
  /** fdatasync=N: an fdatasync after every N writes (0 = none). */
  readonly fdatasyncEvery: number;
  /** O_SYNC ("sync") or O_DSYNC ("dsync") writes. */
  readonly syncMode: "none" | "sync" | "dsync";
  readonly endFsync: boolean;
  readonly fsyncOnClose: boolean;
  readonly fallocate: FallocateMode;
  /** overwrite=1: lay the file out fully (written) before the job, so writes overwrite data. */
  readonly overwrite: boolean;
  /** create_on_open=1: the file is created when the job opens it, inside the timed phase. */
  readonly createOnOpen: boolean;
  /** invalidate=1: drop the file's page cache before the job. */
  readonly invalidate: boolean;
  readonly norandommap: boolean;
  readonly randrepeat: boolean;
  /** randseed, if the job sets it; otherwise the run's --seed seeds the offsets. */
  readonly randseed: number | undefined;
  readonly randomDistribution: RandomDistribution;
  readonly numjobs: number;
  readonly ioengine: IoEngine;
  readonly iodepth: number;
  /** runtime: stop after this long (undefined: when the I/O is done). */
  readonly runtimeNs: number | undefined;
  /** time_based: repeat the I/O until runtime has passed. */
  readonly timeBased: boolean;
  readonly startdelayNs: number;
  /** thinktime: pause between I/Os. */
  readonly thinktimeNs: number;
  /** rate_iops: cap on I/Os per second, per direction (undefined: none). */
  readonly rateIops: { readonly read: number | undefined; readonly write: number | undefined };
  /** rate: cap on bytes per second, per direction (undefined: none). */
  readonly rateBytesPerS: { readonly read: number | undefined; readonly write: number | undefined };
  /** read_iolog: an iolog to replay instead of generated I/O. */
  readonly readIolog: string | undefined;
  /** replay_no_stall: replay as fast as possible, ignoring the log's timing. */
  readonly replayNoStall: boolean;
  /** direct=1: O_DIRECT (no page cache). */
  readonly direct: boolean;
  readonly groupReporting: boolean;
  /** stonewall: wait for the jobs before it to finish, and start a new reporting group. */
  readonly stonewall: boolean;
  /** new_group: start a new reporting group (without waiting). */
  readonly newGroup: boolean;
  readonly kbBase: 1024 | 1000;
  /** unit_base: 8 = report bytes, 1 = report bits (fio's unit_base; 0 means bytes). */
  readonly unitBase: 8 | 1;
  /** The options as written (canonical key -> text), for results metadata and fio-json's "job options". */
  readonly options: Readonly<Record<string, string>>;
}
