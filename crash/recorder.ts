// The crash checker's record of a run: every command the device received (a write with the image
// of each 4 KiB block it carries, when it was issued and acknowledged, with FUA or not; a cache
// flush, when issued and done), and what the job did to its files (each write's pages and version,
// truncates, and each fsync's call and return). The record is taken in simulated time order; the
// checker replays it to build what the device holds at any instant (device-image.ts).
import type { Volumes } from "../btrfs/volumes.ts";
import type { BlockImage } from "./images.ts";
import type { Injection } from "./inject.ts";

export const IMAGE_BLOCK_BYTES = 4096;

export interface RecordedWrite {
  /** Order of issue among all device commands. */
  readonly seq: number;
  /** First 4 KiB block (byte offset / 4096). */
  readonly block: number;
  readonly images: readonly BlockImage[];
  readonly issuedNs: number;
  readonly doneNs: number;
  /** Written with native FUA: durable at completion. */
  readonly fua: boolean;
}

export interface RecordedFlush {
  readonly seq: number;
  readonly issuedNs: number;
  readonly doneNs: number;
}

export interface FileWrite {
  readonly ino: number;
  readonly firstPage: number;
  /** Exclusive. */
  readonly endPage: number;
  readonly version: number;
  /** The size of the file after the write. */
  readonly sizeBytes: number;
  readonly doneNs: number;
}

export interface FileTruncate {
  readonly ino: number;
  readonly sizeBytes: number;
  readonly doneNs: number;
}

export interface FileFsync {
  readonly ino: number;
  readonly callNs: number;
  readonly doneNs: number;
}

export class CrashRecorder {
  readonly injections: ReadonlySet<Injection>;
  /** Whether the device has a volatile write cache without power-loss protection (unflushed writes may be lost). */
  volatileCache = false;
  readonly writes: RecordedWrite[] = [];
  readonly flushes: RecordedFlush[] = [];
  readonly fileWrites: FileWrite[] = [];
  readonly truncates: FileTruncate[] = [];
  readonly fsyncs: FileFsync[] = [];
  /** Inodes of the workload's files, by file index (set as they are created). */
  readonly inodes: number[] = [];
  /** The filesystem's address mapping and tree block size, for reading the image back. */
  layout: { readonly volumes: Volumes; readonly nodesize: number } | undefined;
  private seq = 0;
  private version = 0;
  /** The version each page of each inode last got from a write(2). */
  private readonly pageVersions = new Map<number, Map<number, number>>();

  constructor(injections: Iterable<Injection> = []) {
    this.injections = new Set(injections);
  }

  has(injection: Injection): boolean {
    return this.injections.has(injection);
  }

  /** A write(2) to pages [firstPage, endPage) of `ino`: stamps them with a new version, returned. */
  stampPages(ino: number, firstPage: number, endPage: number): number {
    const version = ++this.version;
    let pages = this.pageVersions.get(ino);
    if (pages === undefined) {
      pages = new Map();
      this.pageVersions.set(ino, pages);
    }
    for (let p = firstPage; p < endPage; p++) pages.set(p, version);
    return version;
  }

  /** The version of the data in page `page` of `ino` now (0: never written by the job). */
  versionOf(ino: number, page: number): number {
    return this.pageVersions.get(ino)?.get(page) ?? 0;
  }

  fileWrite(w: FileWrite): void {
    this.fileWrites.push(w);
  }

  fileTruncate(t: FileTruncate): void {
    this.truncates.push(t);
  }

  fileFsync(f: FileFsync): void {
    this.fsyncs.push(f);
  }

  deviceWrite(byteOffset: number, images: readonly BlockImage[], issuedNs: number, doneNs: number, fua: boolean): void {
    if (byteOffset % IMAGE_BLOCK_BYTES !== 0) throw new Error(`recorded write at ${byteOffset} is not 4 KiB aligned`);
    this.writes.push({ seq: this.seq++, block: byteOffset / IMAGE_BLOCK_BYTES, images, issuedNs, doneNs, fua });
  }

  deviceFlush(issuedNs: number, doneNs: number): void {
    this.flushes.push({ seq: this.seq++, issuedNs, doneNs });
  }
}
