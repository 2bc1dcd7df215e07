// What fsync promised by a cut: for each file, the last fsync that returned before the cut covers
// everything written to the file before it was called (the data of every page, and the size). A
// truncate after that call may legitimately take data away again, down to its size. Cuts are
// visited in time order; the expected state advances incrementally.
import { RECORD_BLOCK_BYTES } from "../block/index.ts";
import type { FileFsync, FileTruncate, FileWrite } from "../fs/index.ts";
import type { CrashRecorder } from "./recorder.ts";

export interface FilePromise {
  readonly ino: number;
  /** The fsync that made it. */
  readonly fsync: FileFsync;
  /** The promised pages in increasing order, and the version each must hold at least. */
  readonly pages: readonly number[];
  readonly versions: readonly number[];
  readonly sizeBytes: number;
  /** Pages at or past this byte and the size below it are not promised (a later truncate). */
  readonly floorBytes: number;
}

type FileEvent = { readonly at: number; readonly write: FileWrite } | { readonly at: number; readonly truncate: FileTruncate };

/** One file's events in time order, applied up to a point. */
interface FileHistory {
  readonly events: FileEvent[];
  next: number;
  readonly pages: Map<number, number>;
  sizeBytes: number;
  /** `pages` sorted, until the next event changes them. */
  sorted: { pages: number[]; versions: number[] } | undefined;
}

export class PromiseTracker {
  private readonly fsyncs: FileFsync[];
  private readonly truncates: FileTruncate[];
  private readonly histories = new Map<number, FileHistory>();
  private nextFsync = 0;
  /** Per inode: the returned fsync with the latest call. */
  private readonly best = new Map<number, FileFsync>();

  constructor(recorder: CrashRecorder) {
    const events: FileEvent[] = [...recorder.fileWrites.map((write) => ({ at: write.doneNs, write })), ...recorder.truncates.map((truncate) => ({ at: truncate.doneNs, truncate }))];
    events.sort((a, b) => a.at - b.at);
    for (const e of events) {
      const ino = "write" in e ? e.write.ino : e.truncate.ino;
      let h = this.histories.get(ino);
      if (h === undefined) {
        h = { events: [], next: 0, pages: new Map(), sizeBytes: 0, sorted: undefined };
        this.histories.set(ino, h);
      }
      h.events.push(e);
    }
    this.fsyncs = [...recorder.fsyncs].sort((a, b) => a.doneNs - b.doneNs);
    this.truncates = [...recorder.truncates].sort((a, b) => a.doneNs - b.doneNs);
  }

  /** The promises standing at cut `cutNs` (non-decreasing across calls). */
  at(cutNs: number): FilePromise[] {
    while (this.nextFsync < this.fsyncs.length && (this.fsyncs[this.nextFsync] as FileFsync).doneNs <= cutNs) {
      const f = this.fsyncs[this.nextFsync++] as FileFsync;
      const have = this.best.get(f.ino);
      if (have === undefined || have.callNs < f.callNs) this.best.set(f.ino, f);
    }
    const out: FilePromise[] = [];
    for (const f of this.best.values()) {
      const h = this.histories.get(f.ino);
      if (h !== undefined) applyUntil(h, f.callNs);
      const sorted = h === undefined ? { pages: [], versions: [] } : sortedPages(h);
      out.push({ ino: f.ino, fsync: f, pages: sorted.pages, versions: sorted.versions, sizeBytes: h?.sizeBytes ?? 0, floorBytes: this.floor(f, cutNs) });
    }
    return out;
  }

  /** The smallest size a truncate of the file after the promise's call, and by the cut, left. */
  private floor(f: FileFsync, cutNs: number): number {
    let floor = Number.MAX_SAFE_INTEGER;
    for (const t of this.truncates) {
      if (t.doneNs > cutNs) break;
      if (t.ino === f.ino && t.doneNs > f.callNs) floor = Math.min(floor, t.sizeBytes);
    }
    return floor;
  }
}

/** Applies a file's events done at or before `ns` (a promise's call time never goes back). */
function applyUntil(h: FileHistory, ns: number): void {
  while (h.next < h.events.length && (h.events[h.next] as FileEvent).at <= ns) {
    const e = h.events[h.next++] as FileEvent;
    h.sorted = undefined;
    if ("write" in e) {
      for (let p = e.write.firstPage; p < e.write.endPage; p++) h.pages.set(p, e.write.version);
      h.sizeBytes = e.write.sizeBytes;
    } else {
      h.sizeBytes = e.truncate.sizeBytes;
      const keep = Math.ceil(e.truncate.sizeBytes / RECORD_BLOCK_BYTES);
      for (const p of [...h.pages.keys()]) if (p >= keep) h.pages.delete(p);
    }
  }
}

function sortedPages(h: FileHistory): { pages: number[]; versions: number[] } {
  if (h.sorted === undefined) {
    const pages = [...h.pages.keys()].sort((a, b) => a - b);
    h.sorted = { pages, versions: pages.map((p) => h.pages.get(p) as number) };
  }
  return h.sorted;
}
