// One fio job process (backend.c thread_main / do_io, as the sync engines and posixaio run it):
// after startdelay it opens its files (creating them if create_on_open), then pulls operations from
// its stream and issues them: rate_iops holds an I/O back until its turn (usec_for_io), thinktime
// pauses after each I/O, an iolog's timestamps hold each operation until its time. The sync
// engines issue one system call at a time. posixaio keeps up to iodepth requests in flight; glibc
// runs the requests of one file descriptor one after another in its helper thread, so they
// overlap only across files. Latencies are from submission to completion (fio's clat).
import type { BlockDevice } from "../block/index.ts";
import { Mutex, type Environment, type Event, type Proc } from "../sim/index.ts";
import type { FileHandle, FileLayout, FileSystem } from "../fs/index.ts";
import type { IoOp, OpStream } from "../workloads/index.ts";
import type { FsyncLedger, ProcessState } from "./process-state.ts";

/** What all processes of a run share. */
export interface RunShared {
  readonly env: Environment;
  readonly fs: FileSystem;
  readonly bdev: BlockDevice;
  readonly layouts: readonly FileLayout[];
  /** Open files by workload index (undefined until laid out or created). */
  readonly handles: Array<FileHandle | undefined>;
  /** Files being created on open by some process (others wait for it). */
  readonly creating: Map<number, Event<undefined>>;
  readonly ledger: FsyncLedger;
  /** When the timed phase began (after layout), ns: the origin of trace times. */
  timedStartNs: number;
  /** Called after each operation. */
  readonly onOp: (state: ProcessState) => void;
}

export function* jobProcess(run: RunShared, state: ProcessState, stream: OpStream): Proc {
  const { env } = run;
  const { job } = state.planned;
  if (job.startdelayNs > 0) yield env.timeout(job.startdelayNs);
  state.startNs = env.nowNs;
  state.started = true;
  for (const f of state.planned.files) yield* ensureOpen(run, state, f.file);
  const aio = job.ioengine === "posixaio" ? new AioQueue(run, state, job.iodepth) : undefined;
  for (;;) {
    const op = stream.next(env.nowNs - state.startNs);
    if (op === undefined) break;
    if (op.atNs !== undefined && state.startNs + op.atNs > env.nowNs) yield env.timeout(state.startNs + op.atNs - env.nowNs);
    if (op.kind === "wait") {
      if (op.durationNs > 0) yield env.timeout(op.durationNs);
      continue;
    }
    if (op.kind === "open") {
      yield* ensureOpen(run, state, op.file);
      continue;
    }
    if (op.kind === "close") continue;
    const rw = op.kind === "read" || op.kind === "write" || op.kind === "truncate";
    if (rw) yield* rateLimit(run, state, op.kind === "read" ? "read" : "write", op.lengthBytes);
    if (aio !== undefined) yield* aio.submit(op);
    else yield* perform(run, state, op, env.nowNs);
    if (rw && job.thinktimeNs > 0) {
      if (aio !== undefined) yield* aio.quiesce();
      yield env.timeout(job.thinktimeNs);
    }
    run.onOp(state);
  }
  if (aio !== undefined) yield* aio.quiesce();
  state.endNs = env.nowNs;
}

/** The file's handle, creating the file first when nobody has (create_on_open). */
function* ensureOpen(run: RunShared, state: ProcessState, file: number): Proc {
  if (run.handles[file] !== undefined) return;
  const pending = run.creating.get(file);
  if (pending !== undefined) {
    yield pending;
    return;
  }
  const done = run.env.event<undefined>();
  run.creating.set(file, done);
  run.handles[file] = yield* run.fs.create({ pid: state.planned.threadNumber }, run.layouts[file] as FileLayout, file);
  done.succeed(undefined);
}

/**
 * rate_iops and rate (usec_for_io): the n-th I/O of a direction is not issued before n / rate_iops
 * seconds into the job, nor before the bytes issued before it / rate.
 */
function* rateLimit(run: RunShared, state: ProcessState, dir: "read" | "write", bytes: number): Proc {
  const { job } = state.planned;
  const n = state.issued[dir]++;
  const before = state.issuedBytes[dir];
  state.issuedBytes[dir] += bytes;
  const iops = job.rateIops[dir];
  const bw = job.rateBytesPerS[dir];
  if (iops === undefined && bw === undefined) return;
  const due = state.startNs + Math.max(iops === undefined ? 0 : Math.round((n * 1e9) / iops), bw === undefined ? 0 : Math.round((before * 1e9) / bw));
  if (due > run.env.nowNs) yield run.env.timeout(due - run.env.nowNs);
}

/** Issues `op` and records it; `submitNs` is when the process submitted it. */
function* perform(run: RunShared, state: ProcessState, op: IoOp, submitNs: number): Proc {
  const { env, fs, bdev } = run;
  const { job } = state.planned;
  const ctx = { pid: state.planned.threadNumber };
  const flags = { direct: job.direct };
  if (op.kind === "fsync" || op.kind === "fdatasync") {
    const s = bdev.stats;
    const before = { writes: s.deviceWrites, bytes: s.bytesWritten, flushes: s.deviceFlushes };
    const report = yield* fs.fsync(ctx, handleOf(run, op.file), op.kind === "fdatasync");
    const device = { writes: s.deviceWrites - before.writes, bytes: s.bytesWritten - before.bytes, flushes: s.deviceFlushes - before.flushes };
    run.ledger.record(state, report, submitNs - run.timedStartNs, env.nowNs - submitNs, device);
    return;
  }
  if (op.kind === "read") {
    yield* fs.read(ctx, handleOf(run, op.file), op.offsetBytes, op.lengthBytes, flags);
    state.reads.record(env.nowNs - submitNs);
    state.bytesRead += op.lengthBytes;
    return;
  }
  if (op.kind === "truncate") {
    yield* fs.truncate(ctx, handleOf(run, op.file), op.sizeBytes);
    state.bytesWritten += op.lengthBytes;
  } else if (op.kind === "write") {
    yield* fs.write(ctx, handleOf(run, op.file), op.offsetBytes, op.lengthBytes, flags);
    state.bytesWritten += op.lengthBytes;
  } else {
    return;
  }
  // O_SYNC / O_DSYNC: generic_write_sync syncs the file before write(2) returns.
  if (job.syncMode !== "none") yield* fs.fsync(ctx, handleOf(run, op.file), job.syncMode === "dsync");
  state.writes.record(env.nowNs - submitNs);
}

function handleOf(run: RunShared, file: number): FileHandle {
  const h = run.handles[file];
  if (h === undefined) throw new Error(`file ${file} used before it was opened`);
  return h;
}

/** posixaio: up to `depth` requests in flight; one file descriptor's requests run in order. */
class AioQueue {
  private readonly run: RunShared;
  private readonly state: ProcessState;
  private readonly depth: number;
  private inflight = 0;
  private readonly fds = new Map<number, Mutex>();
  private slotFree: Event<undefined> | undefined;
  private drained: Event<undefined> | undefined;

  constructor(run: RunShared, state: ProcessState, depth: number) {
    this.run = run;
    this.state = state;
    this.depth = depth;
  }

  *submit(op: IoOp): Proc {
    while (this.inflight >= this.depth) {
      this.slotFree ??= this.run.env.event<undefined>();
      yield this.slotFree;
    }
    this.inflight++;
    this.run.env.process(this.request(op, this.run.env.nowNs));
  }

  *quiesce(): Proc {
    while (this.inflight > 0) {
      this.drained ??= this.run.env.event<undefined>();
      yield this.drained;
    }
  }

  private *request(op: IoOp, submitNs: number): Proc {
    const file = "file" in op ? op.file : 0;
    let fd = this.fds.get(file);
    if (fd === undefined) {
      fd = new Mutex(this.run.env);
      this.fds.set(file, fd);
    }
    yield fd.lock();
    yield* perform(this.run, this.state, op, submitNs);
    fd.unlock();
    this.inflight--;
    const slot = this.slotFree;
    this.slotFree = undefined;
    slot?.succeed(undefined);
    if (this.inflight === 0) {
      const drained = this.drained;
      this.drained = undefined;
      drained?.succeed(undefined);
    }
  }
}
