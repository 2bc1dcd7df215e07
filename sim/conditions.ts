// Waiting for several events at once: allOf succeeds when every event has succeeded (with their
// values in order) and fails as soon as one fails; anyOf succeeds with the first one to succeed.
// Modelled on SimPy's AllOf / AnyOf conditions (events.py).
import type { Environment } from "./environment.ts";
import type { Event } from "./event.ts";

/** An event that succeeds with all values once every event in `events` has succeeded. */
export function allOf(env: Environment, events: readonly Event<unknown>[]): Event<unknown[]> {
  const done = env.event<unknown[]>();
  const values: unknown[] = new Array<unknown>(events.length);
  let remaining = events.length;
  if (remaining === 0) return done.succeed([]);
  events.forEach((event, index) => {
    const settle = (e: Event<unknown>): void => {
      if (done.triggered) return;
      if (!e.ok) {
        e.defused = true;
        done.fail(e.value as Error);
        return;
      }
      values[index] = e.value;
      if (--remaining === 0) done.succeed(values);
    };
    if (event.processed) settle(event);
    else event.then(settle);
  });
  return done;
}

/** An event that succeeds with the value of the first event in `events` to succeed. */
export function anyOf(env: Environment, events: readonly Event<unknown>[]): Event<unknown> {
  if (events.length === 0) throw new RangeError("anyOf needs at least one event");
  const done = env.event<unknown>();
  for (const event of events) {
    const settle = (e: Event<unknown>): void => {
      if (done.triggered) {
        if (!e.ok) e.defused = true;
        return;
      }
      if (e.ok) done.succeed(e.value);
      else {
        e.defused = true;
        done.fail(e.value as Error);
      }
    };
    if (event.processed) settle(event);
    else event.then(settle);
  }
  return done;
}
