// A mutual-exclusion lock for processes (a SimPy Resource of capacity 1): `yield mutex.lock()`
// waits until the lock is free and takes it; unlock() hands it to the longest waiter (FIFO).
import type { Environment } from "./environment.ts";
import type { Event } from "./event.ts";

export class Mutex {
  private readonly env: Environment;
  private held = false;
  private readonly waiters: Event<undefined>[] = [];

  constructor(env: Environment) {
    this.env = env;
  }

  get locked(): boolean {
    return this.held;
  }

  /** An event that succeeds when the caller holds the lock. */
  lock(): Event<undefined> {
    const granted = this.env.event<undefined>();
    if (!this.held) {
      this.held = true;
      granted.succeed(undefined);
    } else {
      this.waiters.push(granted);
    }
    return granted;
  }

  /** Takes the lock if it is free, without waiting; false if it is held. */
  tryLock(): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }

  unlock(): void {
    if (!this.held) throw new Error("unlock of a mutex that is not held");
    const next = this.waiters.shift();
    if (next === undefined) this.held = false;
    else next.succeed(undefined);
  }
}
