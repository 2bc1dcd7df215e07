// The simulation's future-event list: a binary min-heap ordered by (timeNs, priority, sequence).
// The increasing sequence number makes events scheduled for the same time and priority come out in
// the order they were scheduled (FIFO), which is what makes runs bit-for-bit reproducible.
// Modelled on SimPy's heap of (time, priority, eid, event) in core.py.

/** One scheduled entry. `seq` is assigned by the queue; callers never set it. */
export interface QueueEntry<T> {
  readonly timeNs: number;
  readonly priority: number;
  readonly seq: number;
  readonly item: T;
}

export class EventQueue<T> {
  private readonly heap: QueueEntry<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Adds `item` at `timeNs` with `priority` (lower runs first at equal times). */
  push(timeNs: number, priority: number, item: T): void {
    const entry: QueueEntry<T> = { timeNs, priority, seq: this.nextSeq++, item };
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as QueueEntry<T>;
      if (!before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  /** The earliest entry without removing it, or undefined when empty. */
  peek(): QueueEntry<T> | undefined {
    return this.heap[0];
  }

  /** Removes and returns the earliest entry, or undefined when empty. */
  pop(): QueueEntry<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    const n = heap.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      let child = heap[l] as QueueEntry<T>;
      if (r < n) {
        const right = heap[r] as QueueEntry<T>;
        if (before(right, child)) {
          c = r;
          child = right;
        }
      }
      if (!before(child, last)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = last;
    return top;
  }
}

function before<T>(a: QueueEntry<T>, b: QueueEntry<T>): boolean {
  if (a.timeNs !== b.timeNs) return a.timeNs < b.timeNs;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}
