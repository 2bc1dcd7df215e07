// Micro-benchmarks of the discrete-event core (sim/): scheduling into and running the
// future-event list, and resuming generator processes, which every simulated I/O, CPU charge and
// completion passes through several times.
import type { Bench } from "tinybench";
import { Environment, type Proc } from "../../../sim/index.ts";
import { count, randomInts } from "./format.ts";

/** Timeouts queued at once by the first task: a deep heap. */
const TIMEOUTS = 10_000;
/** Processes of the second task, each sleeping STEPS times: a shallow heap, many resumptions. */
const PROCESSES = 100;
const STEPS = 100;
/** Delays drawn from [0, 1 ms), in ns. */
const MAX_DELAY_NS = 1_000_000;

export function addEventQueueTasks(bench: Bench): void {
  const random = randomInts("event-queue");
  const delays = Array.from({ length: TIMEOUTS }, () => random(MAX_DELAY_NS));

  bench.add(`core: schedule and run ${count(TIMEOUTS)} timeouts`, () => {
    const env = new Environment();
    for (const d of delays) env.timeout(d);
    env.run();
  });

  bench.add(`core: ${PROCESSES} processes x ${STEPS} timeouts each`, () => {
    const env = new Environment();
    for (let p = 0; p < PROCESSES; p++) env.process(sleeper(env, delays, p * STEPS));
    env.run();
  });
}

/** A process that sleeps STEPS times, for the delays from `first` on. */
function* sleeper(env: Environment, delays: readonly number[], first: number): Proc {
  for (let i = 0; i < STEPS; i++) yield env.timeout(delays[(first + i) % delays.length] ?? 0);
}
