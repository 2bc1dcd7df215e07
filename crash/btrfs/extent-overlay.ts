// What log replay does to a file's extents (tree-log.c replay_one_extent: each logged file extent
// item replaces whatever covered its range, btrfs_drop_extents then insert), and orphan cleanup's
// truncation past the logged size. Both are one merge pass over sorted, disjoint extent lists.

/** A file extent as recovery sees it. */
export interface RecoveredExtent {
  readonly fileOffset: number;
  readonly numBytes: number;
  readonly extentType: "reg" | "prealloc";
  /** Logical disk address of the extent's first byte in the file (0 for a hole). */
  readonly diskStart: number;
}

/** The part [start, end) of `x`. */
function slice(x: RecoveredExtent, start: number, end: number): RecoveredExtent {
  return { ...x, fileOffset: start, numBytes: end - start, diskStart: x.diskStart === 0 ? 0 : x.diskStart + (start - x.fileOffset) };
}

/** `base` with each of `logged` (sorted by offset, disjoint) replacing what it overlaps. */
export function replayExtents(base: readonly RecoveredExtent[], logged: readonly RecoveredExtent[]): RecoveredExtent[] {
  for (let k = 1; k < logged.length; k++) {
    const a = logged[k - 1] as RecoveredExtent;
    if ((logged[k] as RecoveredExtent).fileOffset < a.fileOffset + a.numBytes) {
      // Not sorted and disjoint (a broken logger): replay them one at a time, as the kernel would.
      return logged.reduce<RecoveredExtent[]>((acc, e) => replayExtents(acc, [e]), base.slice());
    }
  }
  const out: RecoveredExtent[] = [];
  let i = 0;
  let pending = base[i++];
  for (const e of logged) {
    const eEnd = e.fileOffset + e.numBytes;
    while (pending !== undefined && pending.fileOffset < eEnd) {
      const pEnd = pending.fileOffset + pending.numBytes;
      if (pEnd <= e.fileOffset) {
        out.push(pending);
        pending = base[i++];
        continue;
      }
      if (pending.fileOffset < e.fileOffset) out.push(slice(pending, pending.fileOffset, e.fileOffset));
      if (pEnd > eEnd) {
        pending = slice(pending, eEnd, pEnd);
        break;
      }
      pending = base[i++];
    }
    out.push(e);
  }
  while (pending !== undefined) {
    out.push(pending);
    pending = base[i++];
  }
  return out;
}

/** Drops everything from byte `end` on (sorted, disjoint extents; changed in place). */
export function truncateExtents(extents: RecoveredExtent[], end: number): void {
  while (extents.length > 0) {
    const last = extents[extents.length - 1] as RecoveredExtent;
    if (last.fileOffset + last.numBytes <= end) return;
    extents.pop();
    if (last.fileOffset < end) {
      extents.push(slice(last, last.fileOffset, end));
      return;
    }
  }
}
