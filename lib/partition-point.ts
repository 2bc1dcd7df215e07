// Binary search over a sorted sequence, for the simulator's sorted arrays: partitionPoint with a
// test of an index (extent-map chunks, free-space ranges, a disk cache's dirty ranges, the crash
// checker's indexes), and partitionPointOf with a test of an element against a key, for paths
// where a closure per call would be garbage (the B-tree cursors' skips, LeafCursor.skipWhile):
// there the test is made once and the key passed beside it. The B-tree's leaf and node searches,
// the hottest of all, are written out (btrfs/ctree/bin-search.ts says why).

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

/**
 * partitionPoint over the elements of `arr` from index `from` on, with a test of an element against
 * `key`: the first index in [from, arr.length) at which `before(arr[i], key)` is false, or
 * arr.length. Allocates nothing when `before` is made once (not a closure per call).
 */
export function partitionPointOf<T, K>(arr: readonly T[], from: number, key: K, before: (x: T, key: K) => boolean): number {
  let lo = from;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(arr[mid] as T, key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
