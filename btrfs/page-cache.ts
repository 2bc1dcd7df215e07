// The clean-and-dirty page cache of one inode (its address_space), as a bitmap of 4 KiB page
// indices that are up to date in memory. Written pages enter it and stay after writeback; reads
// fill it; fio's invalidate (posix_fadvise DONTNEED) and O_DIRECT writes drop ranges of it. There
// is no memory limit and no reclaim: a page once cached stays until dropped (a stated limit).

export class PageCache {
  private bits = new Uint32Array(64);
  /** Pages currently cached. */
  count = 0;

  has(page: number): boolean {
    const w = page >>> 5;
    return w < this.bits.length && ((this.bits[w] as number) & (1 << (page & 31))) !== 0;
  }

  add(page: number): void {
    const w = page >>> 5;
    if (w >= this.bits.length) this.grow(w + 1);
    const bit = 1 << (page & 31);
    const word = this.bits[w] as number;
    if ((word & bit) === 0) {
      this.bits[w] = word | bit;
      this.count++;
    }
  }

  /** Adds pages [first, last). */
  addRange(first: number, last: number): void {
    for (let p = first; p < last; p++) this.add(p);
  }

  /** Drops pages [first, last) (all of them when `last` is omitted). */
  dropRange(first: number, last = this.bits.length * 32): void {
    for (let p = first; p < Math.min(last, this.bits.length * 32); p++) {
      const w = p >>> 5;
      const bit = 1 << (p & 31);
      const word = this.bits[w] as number;
      if ((word & bit) !== 0) {
        this.bits[w] = word & ~bit;
        this.count--;
      }
    }
  }

  /** The runs of pages in [first, last) that are not cached, as [start, end) pairs. */
  missing(first: number, last: number): Array<[number, number]> {
    const runs: Array<[number, number]> = [];
    let start = -1;
    for (let p = first; p < last; p++) {
      if (!this.has(p)) {
        if (start < 0) start = p;
      } else if (start >= 0) {
        runs.push([start, p]);
        start = -1;
      }
    }
    if (start >= 0) runs.push([start, last]);
    return runs;
  }

  private grow(words: number): void {
    const next = new Uint32Array(Math.max(words, this.bits.length * 2));
    next.set(this.bits);
    this.bits = next;
  }
}
