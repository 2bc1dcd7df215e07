// Events of the discrete-event core: something that happens at one instant of simulated time and
// that processes can wait for. Shaped after SimPy's events.py: an event is pending, then triggered
// (succeed/fail puts it on the queue), then processed (its callbacks have run).
/** What the environment's queue holds: anything it can process when its time comes. */
export interface Schedulable {
  process(): void;
}

/**
 * What an event needs of the environment it lives in: a place on its queue. (The Environment is
 * the one implementation; events name only this, so the two files do not import each other.)
 */
export interface Scheduler {
  schedule(event: Schedulable, delayNs: number, priority?: number): void;
}

/**
 * Called when an event is processed; receives the event itself. Declared through a method type so
 * that an Event<number> can be waited on wherever an Event<unknown> is expected.
 */
export type EventCallback<T> = { bivariant(event: Event<T>): void }["bivariant"];

/** Queue priorities: URGENT runs before NORMAL at the same instant (SimPy's two levels). */
export const PRIORITY = { URGENT: 0, NORMAL: 1 } as const;

export class Event<T = unknown> {
  readonly env: Scheduler;
  /** Functions to run when the event is processed; null once it has been processed. */
  callbacks: EventCallback<T>[] | null = [];
  /**
   * Set when a waiter has taken responsibility for a failure. A failed event that nobody
   * defused stops the simulation with its error instead of being lost.
   */
  defused = false;
  private state: "pending" | "ok" | "failed" = "pending";
  private result: T | Error | undefined = undefined;

  constructor(env: Scheduler) {
    this.env = env;
  }

  /** True once succeed() or fail() has been called. */
  get triggered(): boolean {
    return this.state !== "pending";
  }

  /** True once the event's callbacks have run. */
  get processed(): boolean {
    return this.callbacks === null;
  }

  /** True if the event succeeded; throws if it has not been triggered yet. */
  get ok(): boolean {
    if (this.state === "pending") throw new Error("event not yet triggered");
    return this.state === "ok";
  }

  /** The success value, or the Error of a failed event; throws while pending. */
  get value(): T | Error {
    if (this.state === "pending") throw new Error("event not yet triggered");
    return this.result as T | Error;
  }

  /**
   * Triggers the event as a success at the current time plus `delayNs` (default 0), queued with
   * `priority` (default NORMAL).
   */
  succeed(value: T, delayNs = 0, priority: number = PRIORITY.NORMAL): this {
    this.trigger("ok", value, delayNs, priority);
    return this;
  }

  /** Triggers the event as a failure; waiters see `error` thrown at their yield. */
  fail(error: Error, delayNs = 0): this {
    this.trigger("failed", error, delayNs, PRIORITY.NORMAL);
    return this;
  }

  /** Registers `callback` to run when the event is processed. */
  then(callback: EventCallback<T>): void {
    if (this.callbacks === null) throw new Error("event already processed");
    this.callbacks.push(callback);
  }

  /** Runs the callbacks; called by the Environment only. */
  process(): void {
    const callbacks = this.callbacks;
    this.callbacks = null;
    if (callbacks === null) return;
    for (const cb of callbacks) cb(this);
    if (this.state === "failed" && !this.defused) throw this.result as Error;
  }

  private trigger(state: "ok" | "failed", result: T | Error, delayNs: number, priority: number): void {
    if (this.state !== "pending") throw new Error("event already triggered");
    this.state = state;
    this.result = result;
    this.env.schedule(this, delayNs, priority);
  }
}
