// Delayed extent references (delayed-ref.c): every allocation or release of a tree block or data
// extent is queued as a reference-count change, and the changes are applied to the extent tree in
// bytenr order when the transaction commits (btrfs_run_delayed_refs). Log-tree blocks have no
// extent-tree references and never appear here.

export interface DelayedRef {
  readonly bytenr: number;
  readonly numBytes: number;
  /** A tree block (metadata) rather than a data extent. */
  readonly tree: boolean;
  /** Net change of the reference count. */
  delta: number;
}

export class DelayedRefs {
  private readonly refs = new Map<number, DelayedRef>();

  /** Queues `delta` references to the extent at `bytenr`. */
  add(bytenr: number, numBytes: number, tree: boolean, delta: number): void {
    const ref = this.refs.get(bytenr);
    if (ref === undefined) this.refs.set(bytenr, { bytenr, numBytes, tree, delta });
    else ref.delta += delta;
  }

  get size(): number {
    return this.refs.size;
  }

  /** Takes all queued changes with a non-zero net delta, sorted by bytenr. */
  take(): DelayedRef[] {
    const out = [...this.refs.values()].filter((r) => r.delta !== 0).sort((a, b) => a.bytenr - b.bytenr);
    this.refs.clear();
    return out;
  }
}
