// The binary searches of a B-tree search (fs/btrfs/ctree.c bin_search over a block's keys, Linux
// 3.7): in a leaf, the first item at or after a key; in a node, the first key after it (the slot to
// descend is the one before). They run on every search, and are written out rather than calling
// lib's binary search: partitionPoint with a closure per call made a tenth of the bytes a run
// allocated, and partitionPointOf with a test made once (no closure) cost 1-1.5 % more instructions
// (callgrind, a 20 MiB modified-extents run): under the command's halved inlining budget
// (bin/v8-tuning.js) TurboFan inlines lowerBound and partitionPointOf into searchSlot but not the
// test, which is then a call per probe.
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
