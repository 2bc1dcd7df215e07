// Binary search over a sorted sequence, as one function for the simulator's sorted arrays
// (extent-map chunks, free-space ranges, a disk cache's dirty ranges, the crash checker's
// indexes). The B-tree writes its own three out (btree.ts: a closure per call on its hottest
// path was a tenth of a run's allocation).

/**
 * The first index in [0, length) at which `before(i)` is false, or `length`; `before` must be true
 * on a prefix of the indexes and false on the rest (C++'s std::partition_point).
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
