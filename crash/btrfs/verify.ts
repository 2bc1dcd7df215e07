// Checking a recovered filesystem against what fsync promised, and for corruption: every promised
// file exists with at least its promised size; every promised page holds the promised write or a
// later one of the same page; and every data block a file's regular extents point at has a
// checksum that matches what the block holds (else a read would fail: a lost or stale data block
// behind a durable extent, or a log without its checksums).
import type { Volumes } from "../../btrfs/volumes.ts";
import type { DeviceState } from "../device-image.ts";
import type { DataImage } from "../images.ts";
import type { FilePromise } from "../promises.ts";
import { RECORD_BLOCK_BYTES } from "../../block/index.ts";
import type { Recovered, RecoveredExtent } from "./recover.ts";

export interface Violation {
  readonly what: string;
}

export function verify(recovered: Recovered, promises: readonly FilePromise[], state: DeviceState, volumes: Volumes): Violation | undefined {
  for (const p of promises) {
    const file = recovered.files.get(p.ino);
    if (file === undefined) return { what: `inode ${p.ino} is gone, though an fsync of it returned at ${ms(p.fsync.doneNs)}` };
    const promisedSize = Math.min(p.sizeBytes, p.floorBytes);
    if (file.sizeBytes < promisedSize) return { what: `inode ${p.ino} has size ${file.sizeBytes}, but the fsync that returned at ${ms(p.fsync.doneNs)} promised ${promisedSize}` };
    let at = 0;
    for (let k = 0; k < p.pages.length; k++) {
      const page = p.pages[k] as number;
      const version = p.versions[k] as number;
      if (page * RECORD_BLOCK_BYTES >= promisedSize) break;
      // Pages ascend: the covering extent is found by walking on from the last one.
      const off = page * RECORD_BLOCK_BYTES;
      while (at < file.extents.length && (file.extents[at] as RecoveredExtent).fileOffset + (file.extents[at] as RecoveredExtent).numBytes <= off) at++;
      const held = pageContent(file.extents[at], off, state, volumes);
      if (held === undefined || held.ino !== p.ino || held.page !== page || held.version < version) {
        return { what: `inode ${p.ino} page ${page} holds ${describe(held)}, but the fsync that returned at ${ms(p.fsync.doneNs)} promised write #${version}` };
      }
    }
  }
  for (const [ino, file] of recovered.files) {
    for (const e of file.extents) {
      if (e.extentType !== "reg" || e.diskStart === 0) continue;
      const end = Math.min(e.fileOffset + e.numBytes, Math.ceil(file.sizeBytes / RECORD_BLOCK_BYTES) * RECORD_BLOCK_BYTES);
      if (end <= e.fileOffset) continue;
      // An extent lies in one chunk: its blocks are consecutive on the device too.
      const firstLogical = e.diskStart / RECORD_BLOCK_BYTES;
      const firstPhysical = volumes.firstPhysical(e.diskStart) / RECORD_BLOCK_BYTES;
      for (let off = e.fileOffset; off < end; off += RECORD_BLOCK_BYTES) {
        const k = (off - e.fileOffset) / RECORD_BLOCK_BYTES;
        const logical = firstLogical + k;
        const page = off / RECORD_BLOCK_BYTES;
        const expected = recovered.csums.lookup(logical);
        if (expected === undefined) return { what: `inode ${ino} page ${page}: no checksum for its data at ${logical * RECORD_BLOCK_BYTES} (a read fails with EIO)` };
        const image = state.imageAt(firstPhysical + k);
        const held = image?.kind === "data" ? image : undefined;
        if (expected === null || held === undefined || !same(held, expected)) {
          return { what: `inode ${ino} page ${page}: checksum mismatch at ${logical * RECORD_BLOCK_BYTES}: the checksum is of ${describe(expected ?? undefined)}, the block holds ${describe(held)}` };
        }
      }
    }
  }
  return undefined;
}

/** What the page at file offset `off` holds, given the first extent not ending before it: the data image of its block, or undefined (a hole, unwritten prealloc space, or nothing there). */
function pageContent(e: RecoveredExtent | undefined, off: number, state: DeviceState, volumes: Volumes): DataImage | undefined {
  if (e === undefined || e.fileOffset > off || e.extentType !== "reg" || e.diskStart === 0) return undefined;
  return dataAt((e.diskStart + (off - e.fileOffset)) / RECORD_BLOCK_BYTES, state, volumes);
}

function dataAt(logicalBlock: number, state: DeviceState, volumes: Volumes): DataImage | undefined {
  const held = state.imageAt(volumes.firstPhysical(logicalBlock * RECORD_BLOCK_BYTES) / RECORD_BLOCK_BYTES);
  return held?.kind === "data" ? held : undefined;
}

function same(a: DataImage, b: DataImage): boolean {
  return a.ino === b.ino && a.page === b.page && a.version === b.version;
}

function describe(d: DataImage | undefined): string {
  return d === undefined ? "no data written by the job (zeros or stale blocks)" : `write #${d.version} (inode ${d.ino} page ${d.page})`;
}

function ms(ns: number): string {
  return `${(ns / 1e6).toFixed(3)} ms`;
}
