// A filesystem's recording hook: what it tells a recorder of the files' lives (each write's pages
// and their version, truncates, each fsync's call and return), and how it names a page of file
// data in the block images it hands the block layer. The crash checker (crash/) installs one to
// know what every returned fsync promised; without one, nothing is recorded.
import type { BlockImage } from "../block/index.ts";

/** A page of file data as a write carries it to the device: the page, and the write(2) that last dirtied it. */
export interface DataImage extends BlockImage {
  readonly kind: "data";
  readonly ino: number;
  /** Page index within the file. */
  readonly page: number;
  /** The write that last dirtied the page before writeback (a run-wide sequence number). */
  readonly version: number;
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

export interface FileRecorder {
  /** The workload's file `index` is inode `ino`. */
  fileCreated(index: number, ino: number): void;
  /** A write(2) to pages [firstPage, endPage) of `ino` begins: stamps them with a new version, returned. */
  stampPages(ino: number, firstPage: number, endPage: number): number;
  /** The version of the data in page `page` of `ino` now (0: never written by the job). */
  versionOf(ino: number, page: number): number;
  fileWrite(w: FileWrite): void;
  fileTruncate(t: FileTruncate): void;
  fileFsync(f: FileFsync): void;
}
