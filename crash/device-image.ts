// What the device holds at an instant, built from the crash recorder's commands. A write reaches
// stable media when it completes on a device without a volatile cache; with one, when it completes
// with FUA, or when a cache flush issued after it completed has finished. At a power cut, writes
// acknowledged into the cache but not yet made stable, and writes still in flight, may each be
// lost or kept, in any combination, and a multi-block write may be torn (some of its blocks
// written). A block holds the newest write (by issue order) that reached it.
//
// Cuts are visited in time order; the stable state advances incrementally. A "state" is one
// choice of which unstable writes (and which of their blocks) survived.
import seedrandom from "seedrandom";
import { BlockStore } from "./block-store.ts";
import type { RecordedImage } from "./images.ts";
import type { CrashRecorder, RecordedWrite } from "./recorder.ts";
import { partitionPoint } from "../lib/partition-point.ts";

/** A block's content and the write that put it there. */
export interface BlockContent {
  readonly seq: number;
  readonly image: RecordedImage;
}

/** Reads a block at a cut, in one state. */
export interface DeviceState {
  read(block: number): BlockContent | undefined;
  /** The block's image only (no allocation: for readers of every data block). */
  imageAt(block: number): RecordedImage | undefined;
  /** What this state kept of the unstable writes, for reports. */
  readonly description: string;
}

export class DeviceImage {
  /** Writes in the order they became stable, and in the order they were issued. */
  private readonly byStable: Array<{ write: RecordedWrite; stableNs: number }>;
  private readonly byIssue: Array<{ write: RecordedWrite; stableNs: number }>;
  private nextStable = 0;
  private nextIssued = 0;
  private readonly stable: BlockStore;
  /** The surviving unstable writes of the state being explored. */
  private readonly overlay: BlockStore;
  /** Issued by the cut and not stable at it, by seq. */
  private readonly active = new Map<number, RecordedWrite>();
  private cutNs = -1;

  constructor(recorder: CrashRecorder) {
    const stableNs = stableTimes(recorder);
    const entries = recorder.writes.map((write, i) => ({ write, stableNs: stableNs[i] as number }));
    this.byStable = [...entries].sort((a, b) => a.stableNs - b.stableNs || a.write.seq - b.write.seq);
    this.byIssue = [...entries].sort((a, b) => a.write.issuedNs - b.write.issuedNs || a.write.seq - b.write.seq);
    let highest = 0;
    for (const w of recorder.writes) if (w.block + w.images.length - 1 < 1 << 22) highest = Math.max(highest, w.block + w.images.length - 1);
    this.stable = new BlockStore(highest);
    this.overlay = new BlockStore(highest);
  }

  /** Moves the cut to `cutNs` (non-decreasing): applies every write stable by then. */
  advance(cutNs: number): void {
    if (cutNs < this.cutNs) throw new Error("cuts must be visited in time order");
    this.cutNs = cutNs;
    while (this.nextIssued < this.byIssue.length && (this.byIssue[this.nextIssued] as { write: RecordedWrite }).write.issuedNs <= cutNs) {
      const { write, stableNs } = this.byIssue[this.nextIssued++] as { write: RecordedWrite; stableNs: number };
      if (stableNs > cutNs && write.images.length > 0) this.active.set(write.seq, write);
    }
    while (this.nextStable < this.byStable.length && (this.byStable[this.nextStable] as { stableNs: number }).stableNs <= cutNs) {
      const { write } = this.byStable[this.nextStable++] as { write: RecordedWrite };
      this.active.delete(write.seq);
      write.images.forEach((image, i) => this.stable.offer(write.block + i, write.seq, image));
    }
  }

  /** The writes issued by the cut that are not stable: they may survive or not. */
  unstable(): RecordedWrite[] {
    return [...this.active.values()].sort((a, b) => a.seq - b.seq);
  }

  /**
   * The states to explore at the current cut, one at a time (a state is valid until the next is
   * taken): nothing unstable survived; everything did; and `random` more where each unstable write
   * survives with probability 1/2 and, if it has several blocks, may be torn. Deterministic for `seed`.
   */
  *states(random: number, seed: string): Generator<DeviceState> {
    const unstable = this.unstable();
    yield this.state([], "every unstable write lost");
    if (unstable.length === 0) return;
    yield this.state(unstable.map((w) => ({ write: w, blocks: undefined })), `all ${unstable.length} unstable writes kept`);
    const rng = seedrandom.alea(seed);
    for (let r = 0; r < random; r++) {
      const kept: Array<{ write: RecordedWrite; blocks: Set<number> | undefined }> = [];
      let torn = 0;
      for (const w of unstable) {
        if (rng() >= 0.5) continue;
        if (w.images.length > 1 && rng() < 0.25) {
          const blocks = new Set<number>();
          for (let i = 0; i < w.images.length; i++) if (rng() < 0.5) blocks.add(i);
          torn++;
          kept.push({ write: w, blocks });
        } else {
          kept.push({ write: w, blocks: undefined });
        }
      }
      yield this.state(kept, `${kept.length} of ${unstable.length} unstable writes kept (${torn} torn)`);
    }
  }

  private state(kept: ReadonlyArray<{ write: RecordedWrite; blocks: Set<number> | undefined }>, description: string): DeviceState {
    const overlay = this.overlay;
    const stable = this.stable;
    overlay.clear();
    for (const { write, blocks } of kept) {
      write.images.forEach((image, i) => {
        if (blocks === undefined || blocks.has(i)) overlay.offer(write.block + i, write.seq, image, stable);
      });
    }
    const imageAt = (block: number): RecordedImage | undefined => overlay.imageAt(block) ?? stable.imageAt(block);
    return {
      read: (block) => {
        const image = imageAt(block);
        return image === undefined ? undefined : { seq: Math.max(overlay.seqAt(block), stable.seqAt(block)), image };
      },
      imageAt,
      description,
    };
  }
}

/**
 * When each write becomes stable (Infinity if never within the run): at completion without a
 * volatile cache or with FUA; else when the first flush issued after its completion finishes.
 */
function stableTimes(recorder: CrashRecorder): number[] {
  const flushes = [...recorder.flushes].sort((a, b) => a.issuedNs - b.issuedNs);
  // The earliest completion among flushes issued at or after each flush's issue time.
  const suffixDone = new Array<number>(flushes.length + 1).fill(Infinity);
  for (let i = flushes.length - 1; i >= 0; i--) suffixDone[i] = Math.min((flushes[i] as { doneNs: number }).doneNs, suffixDone[i + 1] as number);
  return recorder.writes.map((w) => {
    if (!recorder.volatileCache || w.fua) return w.doneNs;
    return suffixDone[partitionPoint(flushes.length, (i) => (flushes[i] as { issuedNs: number }).issuedNs < w.doneNs)] as number;
  });
}
