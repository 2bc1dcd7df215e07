// The binary searches of a B-tree search (ctree.c bin_search over a block's keys): in a leaf, the
// first item at or after a key; in a node, the first key after it (the slot to descend is the one
// before). Written out rather than calling lib's partitionPoint with a closure: these run on every
// search, and a closure per call was a tenth of the bytes a run allocated.
import type { Item } from "./items.ts";
import { compareKeys, type Key } from "./key.ts";

/** Index of the first item whose key is >= k (a leaf's binary search; tools/experiments measures it too). */
export function lowerBound(items: readonly Item[], k: Key): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys((items[mid] as Item).key, k) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first key that is > k (a node's binary search). */
export function upperBound(keys: readonly Key[], k: Key): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(keys[mid] as Key, k) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
