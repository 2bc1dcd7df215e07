// The discrete-event core: a clock in integer nanoseconds, FIFO order at equal times, processes as
// generators. Everything else in the simulator is built on these names.
export { Environment } from "./environment.ts";
export { Event, PRIORITY, type EventCallback } from "./event.ts";
export { Process, type Proc } from "./process.ts";
export { allOf, anyOf } from "./conditions.ts";
export { Mutex } from "./mutex.ts";
