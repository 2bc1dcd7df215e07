// A process is a generator function driven by the events it yields: `yield env.timeout(5_000)`
// suspends it for 5 µs of simulated time; `yield otherEvent` until that event is processed, and the
// yield evaluates to the event's value (or throws its error). A Process is itself an Event that
// succeeds with the generator's return value, so processes can wait for each other.
// Modelled on SimPy's Process (events.py).
import { Event, PRIORITY, type Scheduler } from "./event.ts";

/** What a process body is: a generator that yields events and returns R. */
export type Proc<R = void> = Generator<Event<unknown>, R, unknown>;

export class Process<R = void> extends Event<R> {
  private readonly generator: Proc<R>;
  private readonly resumeCallback: (event: Event<unknown>) => void;

  constructor(env: Scheduler, generator: Proc<R>) {
    super(env);
    this.generator = generator;
    this.resumeCallback = (event) => this.resume(event);
    // Start the body at the current instant, ahead of ordinary events (SimPy's Initialize).
    const start = new Event<unknown>(env);
    start.then(this.resumeCallback);
    start.succeed(undefined, 0, PRIORITY.URGENT);
  }

  /** True while the generator has not returned or thrown. */
  get isAlive(): boolean {
    return !this.triggered;
  }

  private resume(event: Event<unknown>): void {
    let current = event;
    for (;;) {
      let step: IteratorResult<Event<unknown>, R>;
      try {
        if (current.ok) {
          step = this.generator.next(current.value);
        } else {
          current.defused = true;
          step = this.generator.throw(current.value);
        }
      } catch (error) {
        this.fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (step.done === true) {
        this.succeed(step.value);
        return;
      }
      const target = step.value;
      if (!(target instanceof Event)) {
        this.fail(new TypeError(`a process yielded ${String(target)}, not an Event`));
        return;
      }
      if (target.callbacks !== null) {
        target.callbacks.push(this.resumeCallback);
        return;
      }
      current = target; // already processed: continue at once with its outcome
    }
  }
}
