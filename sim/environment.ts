// The simulation environment: the clock (integer nanoseconds) and the future-event list.
// Every model object receives the Environment it lives in; there is no global clock. Simulated time
// advances only by processing queued events, never by wall-clock time or Promise scheduling.
// Modelled on SimPy's Environment (core.py): now, schedule, peek, step, run.
import { Event, PRIORITY, type Schedulable, type Scheduler } from "./event.ts";
import { EventQueue } from "./event-queue.ts";
import { Process, type Proc } from "./process.ts";

export class Environment implements Scheduler {
  private clockNs = 0;
  private readonly queue = new EventQueue<Schedulable>();

  /** The current simulated time in integer nanoseconds. */
  get nowNs(): number {
    return this.clockNs;
  }

  /** Queues an already-triggered event to be processed `delayNs` from now. */
  schedule(event: Schedulable, delayNs: number, priority: number = PRIORITY.NORMAL): void {
    if (!Number.isSafeInteger(delayNs) || delayNs < 0) {
      throw new RangeError(`delay must be a non-negative integer number of ns, got ${delayNs}`);
    }
    this.queue.push(this.clockNs + delayNs, priority, event);
  }

  /** A new pending event, to be triggered later with succeed() or fail(). */
  event<T = unknown>(): Event<T> {
    return new Event<T>(this);
  }

  /** An event that succeeds with `value` after `delayNs` (a non-negative integer). */
  timeout<T = undefined>(delayNs: number, value?: T): Event<T> {
    return new Event<T>(this).succeed(value as T, delayNs);
  }

  /** Starts `generator` as a process at the current time. */
  process<R>(generator: Proc<R>): Process<R> {
    return new Process<R>(this, generator);
  }

  /** Time of the next queued event, or Infinity when nothing is queued. */
  peek(): number {
    return this.queue.peek()?.timeNs ?? Infinity;
  }

  /** Processes the next event; returns false when the queue is empty. */
  step(): boolean {
    const entry = this.queue.pop();
    if (entry === undefined) return false;
    this.clockNs = entry.timeNs;
    entry.item.process();
    return true;
  }

  /**
   * Processes events until the queue is empty, or until the clock would pass `untilNs`; in that
   * case the clock is left at `untilNs`.
   */
  run(untilNs: number = Infinity): void {
    if (untilNs < this.clockNs) throw new RangeError(`run(until=${untilNs}) is in the past`);
    for (;;) {
      const next = this.queue.peek();
      if (next === undefined || next.timeNs > untilNs) break;
      this.step();
    }
    if (untilNs !== Infinity) this.clockNs = untilNs;
  }
}
