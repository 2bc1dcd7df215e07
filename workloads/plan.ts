// From typed fio jobs to what the simulator runs: the processes (numjobs clones of each job, in
// job order, fio's thread numbers from 1), the files they share or own, how each file is laid out
// before the timed phase, and the reporting groups and stonewall phases.
// Files (filesetup.c setup_files, add_file): named filename=... (shared by the clones and by any job
// naming the same file) or fio's default <directory>/<jobname>.<clone>.<fileno>; each gets
// size/nrfiles bytes of I/O (the first files one block more when it does not divide), or filesize
// (a range draws one size per file), starting at offset (bytes; a percentage is of the file's size,
// and the I/O covers the rest). The file is laid out to the end of that region: preallocated as
// fallocate= says, and written in full first when the job reads or overwrite=1 (extend_file's
// new_layout), then its page cache dropped when invalidate=1.
// Seeds: thread 1 draws from the run's seed (or randseed) as given; thread t > 1 from "<seed>:<t>",
// so clones do not repeat each other's offsets.
import seedrandom from "seedrandom";
import { maxBlockBytes, minBlockBytes } from "./fio/block-sizes.ts";
import type { FioJob } from "./fio/job-types.ts";
import type { StreamFile } from "./job-stream.ts";
import type { FileLayout } from "../fs/index.ts";

export interface PlannedProcess {
  readonly job: FioJob;
  readonly clone: number;
  /** fio's thread_number: 1-based over all processes in job order. */
  readonly threadNumber: number;
  readonly groupId: number;
  /** Stonewall phase: a process starts when every process of the phases before it is done. */
  readonly phase: number;
  readonly files: readonly StreamFile[];
  /** The seed of the process's random streams. */
  readonly seed: string;
}

export interface WorkloadPlan {
  readonly files: readonly FileLayout[];
  readonly processes: readonly PlannedProcess[];
}

/** Plans `jobs` for a run seeded with `runSeed`. */
export function planJobs(jobs: readonly FioJob[], runSeed: number): WorkloadPlan {
  const files: FileLayout[] = [];
  const byName = new Map<string, number>();
  const processes: PlannedProcess[] = [];
  let groupId = 0;
  let phase = 0;
  let thread = 0;
  jobs.forEach((job, j) => {
    if (j > 0 && job.stonewall) phase++;
    if (j > 0 && (job.stonewall || job.newGroup)) groupId++;
    for (let clone = 0; clone < job.numjobs; clone++) {
      thread++;
      const base = String(job.randseed ?? runSeed);
      const seed = thread === 1 ? base : `${base}:${thread}`;
      const sizes = fileSizes(job, seed);
      const own = sizes.map((s, fileno) => {
        const name = fileName(job, clone, fileno);
        const layout: FileLayout = {
          name,
          sizeBytes: s.regionStartBytes + s.regionBytes,
          fallocate: job.fallocate,
          fill: readsData(job) || job.overwrite,
          invalidate: job.invalidate,
          precreate: !job.createOnOpen,
        };
        let index = byName.get(name);
        if (index === undefined) {
          index = files.length;
          byName.set(name, index);
          files.push(layout);
        } else {
          files[index] = mergeLayouts(files[index] as FileLayout, layout);
        }
        return { file: index, regionStartBytes: s.regionStartBytes, regionBytes: s.regionBytes };
      });
      processes.push({ job, clone, threadNumber: thread, groupId, phase, files: own, seed });
    }
  });
  return { files, processes };
}

function readsData(job: FioJob): boolean {
  return job.rw !== "write" && job.rw !== "randwrite";
}

/** fio's default file name, or the job's filename= entry for this file number. */
function fileName(job: FioJob, clone: number, fileno: number): string {
  const named = job.filenames?.[fileno % job.filenames.length];
  const base = named ?? `${job.name}.${clone}.${fileno}`;
  return job.directory === "" || base.startsWith("/") ? base : `${job.directory.replace(/\/+$/, "")}/${base}`;
}

/** Each file's I/O region (setup_files): start offset and bytes. */
function fileSizes(job: FioJob, seed: string): Array<{ regionStartBytes: number; regionBytes: number }> {
  const nr = job.filenames !== undefined ? Math.max(job.nrfiles, job.filenames.length) : job.nrfiles;
  const minBs = Math.min(minBlockBytes(job.bs.read), minBlockBytes(job.bs.write));
  const rng = seedrandom.alea(`${seed}/filesize`);
  const each = Math.floor(job.sizeBytes / nr);
  let extraBlocks = Math.floor((job.sizeBytes - each * nr) / minBs);
  const out: Array<{ regionStartBytes: number; regionBytes: number }> = [];
  for (let i = 0; i < nr; i++) {
    let fileBytes: number;
    if (job.filesizeBytes === undefined) {
      fileBytes = each + (extraBlocks-- > 0 ? minBs : 0);
    } else {
      const { min, max } = job.filesizeBytes;
      fileBytes = min === max ? min : min + Math.floor((rng() * (max - min + 1)) / minBs) * minBs;
    }
    if ("bytes" in job.offset) {
      out.push({ regionStartBytes: job.offset.bytes, regionBytes: fileBytes });
    } else {
      const start = Math.floor((fileBytes * job.offset.pct) / 100 / minBs) * minBs;
      out.push({ regionStartBytes: start, regionBytes: Math.max(maxBlockBytes(job.bs.write), fileBytes - start) });
    }
  }
  return out;
}

/** A file several processes use: laid out to the largest size any asks for, filled if any needs it. */
function mergeLayouts(a: FileLayout, b: FileLayout): FileLayout {
  return {
    name: a.name,
    sizeBytes: Math.max(a.sizeBytes, b.sizeBytes),
    fallocate: a.fallocate,
    fill: a.fill || b.fill,
    invalidate: a.invalidate && b.invalidate,
    precreate: a.precreate || b.precreate,
  };
}
