// The block layer's recording hook: a recorder attached to a request queue hears of every write
// and flush command the device receives, when it was issued and when it completed. The crash
// checker (crash/) installs one to rebuild what the device held at any instant; without one, the
// block layer records nothing and filesystems attach no images to their bios.

/** The granularity of what a recorder is told a write carries: one image per 4 KiB. */
export const RECORD_BLOCK_BYTES = 4096;

/**
 * What one 4 KiB block of a write carries, as the filesystem that wrote it describes it (a tree
 * block, a superblock, a page of file data). The block layer only passes it on; its reader
 * narrows it by `kind`.
 */
export interface BlockImage {
  readonly kind: string;
}

export interface BlockRecorder {
  /** A write of `images` (one per 4 KiB) at `byteOffset`: issued, acknowledged, with native FUA or not. */
  deviceWrite(byteOffset: number, images: readonly BlockImage[], issuedNs: number, doneNs: number, fua: boolean): void;
  /** A cache flush command: issued and completed. */
  deviceFlush(issuedNs: number, doneNs: number): void;
}
