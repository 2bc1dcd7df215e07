// The crash checker's record of a run: every command the device received (a write with the image
// of each 4 KiB block it carries, when it was issued and acknowledged, with FUA or not; a cache
// flush, when issued and done), and what the job did to its files (each write's pages and version,
// truncates, and each fsync's call and return). It is the block layer's recorder and the
// filesystem's at once; the record is taken in simulated time order, and the checker replays it to
// build what the device holds at any instant (device-image.ts).
import { RECORD_BLOCK_BYTES, type BlockImage, type BlockRecorder } from "../block/index.ts";
import type { FileFsync, FileRecorder, FileTruncate, FileWrite } from "../fs/index.ts";
import type { RecordedImage } from "./images.ts";

export interface RecordedWrite {
  /** Order of issue among all device commands. */
  readonly seq: number;
  /** First 4 KiB block (byte offset / 4096). */
  readonly block: number;
  readonly images: readonly RecordedImage[];
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

export class CrashRecorder implements BlockRecorder, FileRecorder {
  /** Whether the device has a volatile write cache without power-loss protection (unflushed writes may be lost). */
  readonly volatileCache: boolean;
  readonly writes: RecordedWrite[] = [];
  readonly flushes: RecordedFlush[] = [];
  readonly fileWrites: FileWrite[] = [];
  readonly truncates: FileTruncate[] = [];
  readonly fsyncs: FileFsync[] = [];
  /** Inodes of the workload's files, by file index (set as they are created). */
  readonly inodes: number[] = [];
  private seq = 0;
  private version = 0;
  /** The version each page of each inode last got from a write(2). */
  private readonly pageVersions = new Map<number, Map<number, number>>();

  constructor(volatileCache: boolean) {
    this.volatileCache = volatileCache;
  }

  fileCreated(index: number, ino: number): void {
    this.inodes[index] = ino;
  }

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
    if (byteOffset % RECORD_BLOCK_BYTES !== 0) throw new Error(`recorded write at ${byteOffset} is not 4 KiB aligned`);
    // Every writer in the model images its blocks as one of the RecordedImage kinds (btrfs
    // metadata, file data): the one place the block layer's opaque images are taken back.
    this.writes.push({ seq: this.seq++, block: byteOffset / RECORD_BLOCK_BYTES, images: images as readonly RecordedImage[], issuedNs, doneNs, fua });
  }

  deviceFlush(issuedNs: number, doneNs: number): void {
    this.flushes.push({ seq: this.seq++, issuedNs, doneNs });
  }
}
