// A memo for what the checker derives from a block image (a leaf's files, a csum leaf's runs):
// worth keeping while the same blocks are read again by the next states and cuts, not for the
// whole run (a truncate-and-copy log rewrites every leaf on every fsync). It forgets everything
// when it holds `limit` entries, which bounds its memory without bookkeeping per entry.
export class BoundedCache<K, V> {
  private map = new Map<K, V>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** The value for `key`, computed by `make` if it is not held. */
  get(key: K, make: () => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      if (this.map.size >= this.limit) this.map = new Map();
      v = make();
      this.map.set(key, v);
    }
    return v;
  }
}
