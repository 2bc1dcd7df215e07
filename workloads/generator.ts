// The I/O stream of a fio job, with fio's semantics: sequential offsets for rw=write; for
// rw=randwrite a uniformly random block, or, if the random map says it was written already, the
// next unwritten block after it (so each block is written once) unless norandommap. fsync=N puts an
// fsync after every N-th write, chosen when fio fetches the *next* unit (io_u.c get_rw_ddir), so
// no fsync follows the job's last write; end_fsync=1 adds one at the end. fdatasync=N likewise,
// with fsync taking precedence when both fall on the same write. With ioengine=ftruncate each write
// unit becomes ftruncate(2) to the unit's offset (fio's engines/ftruncate.c). Deterministic for a seed
// (seedrandom's alea; its xorshift7 gives one sequence for every short string seed).
import seedrandom from "seedrandom";
import type { FioJob } from "./fio/job.ts";
import { RandomMap } from "./random-map.ts";

export type FioOp =
  | { readonly kind: "write"; readonly offsetBytes: number; readonly lengthBytes: number }
  | { readonly kind: "truncate"; readonly sizeBytes: number }
  | { readonly kind: "fsync" }
  | { readonly kind: "fdatasync" };

const FSYNC: FioOp = { kind: "fsync" };
const FDATASYNC: FioOp = { kind: "fdatasync" };

/** The seed the job's offsets are drawn with: randseed if the job sets it, else the run's seed. */
export function offsetSeed(job: FioJob, runSeed: number): number {
  return job.randseed ?? runSeed;
}

/** Number of writes the job issues: whole blocks of bs within size. */
export function jobWriteCount(job: FioJob): number {
  return Math.floor(job.sizeBytes / job.bsBytes);
}

/** Yields the job's operations in issue order. */
export function* fioOps(job: FioJob, runSeed: number): Generator<FioOp, void, undefined> {
  const blocks = jobWriteCount(job);
  const rng = seedrandom.alea(String(offsetSeed(job, runSeed)));
  const map = job.rw === "randwrite" && !job.norandommap ? new RandomMap(blocks) : undefined;
  for (let i = 0; i < blocks; i++) {
    if (i > 0) {
      if (job.fsyncEvery > 0 && i % job.fsyncEvery === 0) yield FSYNC;
      else if (job.fdatasyncEvery > 0 && i % job.fdatasyncEvery === 0) yield FDATASYNC;
    }
    let block = i;
    if (job.rw === "randwrite") {
      block = Math.floor(rng() * blocks);
      if (map !== undefined) {
        if (map.isSet(block)) block = map.nextFree(block);
        map.set(block);
      }
    }
    yield job.ioengine === "ftruncate"
      ? { kind: "truncate", sizeBytes: block * job.bsBytes }
      : { kind: "write", offsetBytes: block * job.bsBytes, lengthBytes: job.bsBytes };
  }
  if (job.endFsync) yield FSYNC;
}
