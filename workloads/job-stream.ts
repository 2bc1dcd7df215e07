// The operations of one fio job process, with fio's semantics (io_u.c, backend.c do_io):
// - direction: fixed by rw, or drawn per I/O with rwmixread for rw/randrw;
// - file: round robin over the job's files (file_service_type=roundrobin), skipping files done;
// - offset: sequential per direction from the file's start offset, or a random block (uniform or
//   random_distribution) that the random map moves to the next unwritten block, so each block is
//   done once per pass unless norandommap (or a non-uniform distribution, which fio never maps);
//   the map marks every block an I/O covers;
// - block size: bs, bsrange or bssplit per direction, trimmed to what is left of the region;
// - fsync=N / fdatasync=N: chosen when fio fetches the next unit after the N-th write, so none
//   follows the job's last write; end_fsync and fsync_on_close sync every file at the end;
// - amount: io_size (default size) times loops, or number_ios I/Os, or until runtime; time_based
//   starts over when everything is done. ioengine=ftruncate turns each write unit into
//   ftruncate(2) to the unit's offset.
// The sync's file is the file of the last write (fio syncs the file its next unit would use).
// Deterministic for a seed: offsets, directions and block sizes draw from separate alea streams.
import seedrandom from "seedrandom";
import { BlockSizePicker, minBlockBytes } from "./fio/block-sizes.ts";
import type { FioJob } from "./fio/job-types.ts";
import { blockIndexPicker, type BlockIndexPicker } from "./fio/random-distribution.ts";
import type { IoOp, OpStream } from "./ops.ts";
import { RandomMap } from "../lib/random-map.ts";

/** One of the process's files: its index in the workload and the region the job does I/O in. */
export interface StreamFile {
  readonly file: number;
  readonly regionStartBytes: number;
  readonly regionBytes: number;
}

type Dir = "read" | "write";

/** Per-file state of a pass: positions, random map, bytes done. */
class FileCursor {
  readonly spec: StreamFile;
  readonly blocks: number;
  readonly picker: BlockIndexPicker | undefined;
  map: RandomMap | undefined;
  mapped = 0;
  pos: Record<Dir, number>;
  bytesDone = 0;

  constructor(spec: StreamFile, unitBytes: number, job: FioJob, rng: () => number) {
    this.spec = spec;
    this.blocks = Math.max(1, Math.floor(spec.regionBytes / unitBytes));
    const random = job.rw === "randread" || job.rw === "randwrite" || job.rw === "randrw";
    this.picker = random ? blockIndexPicker(job.randomDistribution, this.blocks, rng) : undefined;
    this.pos = { read: 0, write: 0 };
    this.reset(job);
  }

  reset(job: FioJob): void {
    // fio keeps no map for zipf, pareto and normal: hot blocks are meant to repeat (HOWTO, random_distribution).
    const mapped = this.picker !== undefined && !job.norandommap && job.randomDistribution.kind === "random";
    this.map = mapped ? new RandomMap(this.blocks) : undefined;
    this.mapped = 0;
    this.pos = { read: 0, write: 0 };
    this.bytesDone = 0;
  }

  done(dir: Dir, unitBytes: number): boolean {
    if (this.picker === undefined) return this.pos[dir] + unitBytes > this.blocks * unitBytes;
    if (this.map !== undefined) return this.mapped >= this.blocks;
    return this.bytesDone >= this.spec.regionBytes;
  }
}

export class JobStream implements OpStream {
  private readonly job: FioJob;
  private readonly files: FileCursor[];
  /** The unit of offsets and of the random map: the smallest block size (fio's rw_min_bs). */
  private readonly unitBytes: number;
  private readonly rngDir: () => number;
  private readonly bsPickers: Record<Dir, BlockSizePicker>;
  private readonly totalBytes: number;
  private readonly pending: IoOp[] = [];
  private nextFile = 0;
  private bytesIssued = 0;
  private iosIssued = 0;
  private writesIssued = 0;
  private lastDir: Dir | "sync" | undefined;
  private lastWriteFile = 0;
  private finished = false;

  constructor(job: FioJob, files: readonly StreamFile[], seed: string) {
    if (files.length === 0) throw new Error(`job '${job.name}' has no files`);
    this.job = job;
    const rngOffsets = seedrandom.alea(seed);
    this.unitBytes = Math.min(minBlockBytes(job.bs.read), minBlockBytes(job.bs.write));
    this.files = files.map((f) => new FileCursor(f, this.unitBytes, job, rngOffsets));
    this.rngDir = seedrandom.alea(`${seed}/rwmix`);
    const rngBs = seedrandom.alea(`${seed}/bs`);
    this.bsPickers = { read: new BlockSizePicker(job.bs.read, rngBs, job.bsUnaligned), write: new BlockSizePicker(job.bs.write, rngBs, job.bsUnaligned) };
    // A pass covers each file's whole blocks; a size that is not a multiple of the block leaves the tail unwritten.
    const pass = this.files.reduce((t, f) => t + f.blocks * this.unitBytes, 0);
    this.totalBytes = (job.ioSizeBytes === job.sizeBytes ? pass : job.ioSizeBytes) * job.loops;
  }

  next(elapsedNs: number): IoOp | undefined {
    const queued = this.pending.shift();
    if (queued !== undefined) return queued;
    if (this.finished) return undefined;
    if (this.shouldStop(elapsedNs)) return this.finish();
    const sync = this.syncDue();
    if (sync !== undefined) return sync;
    const dir = this.direction();
    const cursor = this.pickFile(dir);
    if (cursor === undefined) return this.finish();
    return this.io(dir, cursor);
  }

  private shouldStop(elapsedNs: number): boolean {
    const { job } = this;
    if (job.runtimeNs !== undefined && elapsedNs >= job.runtimeNs) return true;
    if (job.numberIos > 0 && this.iosIssued >= job.numberIos) return true;
    return !job.timeBased && this.bytesIssued >= this.totalBytes;
  }

  /** get_rw_ddir: an fsync/fdatasync after every N-th write, decided when the next unit is fetched. */
  private syncDue(): IoOp | undefined {
    const { job } = this;
    if (this.lastDir !== "write" || this.writesIssued === 0) return undefined;
    const kind = job.fsyncEvery > 0 && this.writesIssued % job.fsyncEvery === 0 ? "fsync"
      : job.fdatasyncEvery > 0 && this.writesIssued % job.fdatasyncEvery === 0 ? "fdatasync" : undefined;
    if (kind === undefined) return undefined;
    this.lastDir = "sync";
    return { kind, file: this.files[this.lastWriteFile]?.spec.file ?? 0 };
  }

  private direction(): Dir {
    switch (this.job.rw) {
      case "read":
      case "randread":
        return "read";
      case "write":
      case "randwrite":
        return "write";
      default:
        return Math.floor(this.rngDir() * 100) + 1 <= this.job.rwmixreadPct ? "read" : "write";
    }
  }

  /** The next file round robin that still has I/O in `dir`; a new pass when all are done and more is due. */
  private pickFile(dir: Dir): FileCursor | undefined {
    for (let attempt = 0; attempt < 2; attempt++) {
      for (let i = 0; i < this.files.length; i++) {
        const index = (this.nextFile + i) % this.files.length;
        const cursor = this.files[index] as FileCursor;
        if (!cursor.done(dir, this.unitBytes)) {
          this.nextFile = (index + 1) % this.files.length;
          return cursor;
        }
      }
      for (const f of this.files) f.reset(this.job);
    }
    return undefined;
  }

  private io(dir: Dir, cursor: FileCursor): IoOp {
    const { spec } = cursor;
    const unit = this.unitBytes;
    let offset: number;
    let length: number;
    if (cursor.picker === undefined) {
      offset = cursor.pos[dir];
      length = Math.min(this.bsPickers[dir].next(), cursor.blocks * unit - offset);
      cursor.pos[dir] = offset + length;
    } else {
      let block = cursor.picker.next();
      const want = this.bsPickers[dir].next();
      let blocks = Math.max(1, Math.ceil(want / unit));
      if (cursor.map !== undefined) {
        if (cursor.map.isSet(block)) block = cursor.map.nextFree(block);
        let run = 1;
        cursor.map.set(block);
        while (run < blocks && block + run < cursor.blocks && !cursor.map.isSet(block + run)) cursor.map.set(block + run++);
        blocks = run;
        cursor.mapped += run;
      }
      offset = block * unit;
      length = Math.min(want, blocks * unit, cursor.blocks * unit - offset);
    }
    cursor.bytesDone += length;
    this.bytesIssued += length;
    this.iosIssued++;
    this.lastDir = dir;
    const at = spec.regionStartBytes + offset;
    if (dir === "read") return { kind: "read", file: spec.file, offsetBytes: at, lengthBytes: length };
    this.writesIssued++;
    this.lastWriteFile = this.files.indexOf(cursor);
    if (this.job.ioengine === "ftruncate") return { kind: "truncate", file: spec.file, sizeBytes: at, lengthBytes: length };
    return { kind: "write", file: spec.file, offsetBytes: at, lengthBytes: length };
  }

  /** The end of the job: end_fsync syncs every file, fsync_on_close syncs each as it is closed. */
  private finish(): IoOp | undefined {
    this.finished = true;
    const wrote = this.job.rw !== "read" && this.job.rw !== "randread";
    if (wrote && this.job.endFsync) for (const f of this.files) this.pending.push({ kind: "fsync", file: f.spec.file });
    if (wrote && this.job.fsyncOnClose) for (const f of this.files) this.pending.push({ kind: "fsync", file: f.spec.file });
    return this.pending.shift();
  }
}
