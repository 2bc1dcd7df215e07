// Where an operation's time goes. A process doing btrfs work spends its accumulated CPU with cpu()
// and waits for I/O with wait(phase, event); each wait adds its duration to that phase. Every
// process spends its pending CPU before it yields, so CPU charged by one process is never spent by
// another.
import type { CpuMeter } from "./cpu/index.ts";
import { allOf, type Environment, type Event, type Proc } from "../sim/index.ts";
import { PHASES, type Phase } from "../fs/filesystem.ts";

export class OpTimer {
  readonly breakdown: Record<Phase, number> = { cpu: 0, dataIo: 0, logIo: 0, flush: 0, commit: 0, contention: 0 };
  private readonly env: Environment;
  private readonly meter: CpuMeter;
  /** While set, every wait counts as this phase (e.g. the whole of a commit done inside an fsync). */
  private override: Phase | undefined;

  constructor(env: Environment, meter: CpuMeter) {
    this.env = env;
    this.meter = meter;
  }

  /** Spends the CPU work charged so far. */
  *cpu(): Proc {
    const ns = this.meter.take();
    if (ns === 0) return;
    yield this.env.timeout(ns);
    this.breakdown[this.override ?? "cpu"] += ns;
  }

  /**
   * Spends pending CPU, then waits for `event`, counting the wait as `phase`. (The CPU part is
   * cpu() written out, and waitAll returns this generator rather than wrapping it: one generator
   * object per wait instead of three, on the simulator's busiest path.)
   */
  *wait(phase: Phase, event: Event<unknown>): Proc<unknown> {
    const ns = this.meter.take();
    if (ns !== 0) {
      yield this.env.timeout(ns);
      this.breakdown[this.override ?? "cpu"] += ns;
    }
    const t0 = this.env.nowNs;
    const value = yield event;
    this.breakdown[this.override ?? phase] += this.env.nowNs - t0;
    return value;
  }

  /** wait() for all of `events`; with none, only the CPU is spent. */
  waitAll(phase: Phase, events: readonly Event<unknown>[]): Proc<unknown> {
    if (events.length === 0) return this.cpu();
    return this.wait(phase, events.length === 1 ? (events[0] as Event<unknown>) : allOf(this.env, events));
  }

  /** Runs `body` with all its time counted as `phase`. */
  *as<R>(phase: Phase, body: Proc<R>): Proc<R> {
    const outer = this.override;
    this.override = outer ?? phase;
    try {
      return yield* body;
    } finally {
      this.override = outer;
    }
  }

  total(): number {
    let t = 0;
    for (const p of PHASES) t += this.breakdown[p];
    return t;
  }
}
