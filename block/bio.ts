// A bio as btrfs hands it to the block layer in 2012: a direction, a sector range and the flags
// that matter for durability. Names follow include/linux/blk_types.h of Linux 3.x; REQ_FLUSH there
// (an empty-or-data bio asking for a cache flush *before* it) is REQ_PREFLUSH since Linux 4.8.
import { SECTOR_BYTES } from "./device.ts";
import type { BlockImage } from "./recorder.ts";

/** Request flags (bit set). */
export const REQ = {
  /** Flush the device's volatile cache before this bio (Linux 3.x REQ_FLUSH). */
  PREFLUSH: 1,
  /** This bio's data must be durable when it completes (REQ_FUA). */
  FUA: 2,
  /** Filesystem metadata (REQ_META): accounting and tracing only, no effect on service. */
  META: 4,
} as const;

export interface Bio {
  readonly dir: "read" | "write";
  /** First 512-byte sector. */
  readonly startSector: number;
  /** Length in 512-byte sectors; 0 for an empty flush. */
  readonly sectorCount: number;
  /** OR of REQ flags. */
  readonly flags: number;
  /** What each 4 KiB of a write carries, for a block recorder (absent when none is attached). */
  readonly images?: readonly BlockImage[];
}

/** A write bio of `lengthBytes` at byte `offsetBytes` (both multiples of 512). */
export function writeBio(offsetBytes: number, lengthBytes: number, flags = 0, images?: readonly BlockImage[]): Bio {
  return images === undefined ? { dir: "write", ...sectorRange(offsetBytes, lengthBytes), flags } : { dir: "write", ...sectorRange(offsetBytes, lengthBytes), flags, images };
}

/** A read bio of `lengthBytes` at byte `offsetBytes` (both multiples of 512). */
export function readBio(offsetBytes: number, lengthBytes: number, flags = 0): Bio {
  return { dir: "read", ...sectorRange(offsetBytes, lengthBytes), flags };
}

/** An empty flush, as blkdev_issue_flush() and btrfs's write_dev_flush() send it. */
export function emptyFlushBio(): Bio {
  return { dir: "write", startSector: 0, sectorCount: 0, flags: REQ.PREFLUSH };
}

function sectorRange(offsetBytes: number, lengthBytes: number): { startSector: number; sectorCount: number } {
  if (offsetBytes % SECTOR_BYTES !== 0 || lengthBytes % SECTOR_BYTES !== 0 || lengthBytes <= 0 || offsetBytes < 0) {
    throw new RangeError(`bio must be sector-aligned and non-empty: offset ${offsetBytes}, length ${lengthBytes}`);
  }
  return { startSector: offsetBytes / SECTOR_BYTES, sectorCount: lengthBytes / SECTOR_BYTES };
}
