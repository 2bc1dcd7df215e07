import { describe, expect, it } from "vitest";
import { allOf, anyOf, Environment, type Proc } from "../../sim/index.ts";

describe("Environment", () => {
  it("advances the clock to each timeout in time order", () => {
    const env = new Environment();
    const log: string[] = [];
    function* sleeper(name: string, ns: number): Proc {
      yield env.timeout(ns);
      log.push(`${name}@${env.nowNs}`);
    }
    env.process(sleeper("b", 300));
    env.process(sleeper("a", 100));
    env.process(sleeper("c", 200));
    env.run();
    expect(log).toEqual(["a@100", "c@200", "b@300"]);
    expect(env.nowNs).toBe(300);
  });

  it("processes events at the same instant in the order they were scheduled (FIFO)", () => {
    const env = new Environment();
    const log: number[] = [];
    for (let i = 0; i < 20; i++) {
      env.timeout(50).then(() => log.push(i));
    }
    env.run();
    expect(log).toEqual([...Array(20).keys()]);
  });

  it("starts a new process before ordinary events of the same instant", () => {
    const env = new Environment();
    const log: string[] = [];
    env.timeout(0).then(() => log.push("timeout"));
    env.process(
      (function* (): Proc {
        log.push("process started");
        yield env.timeout(0);
      })(),
    );
    env.run();
    expect(log).toEqual(["process started", "timeout"]);
  });

  it("rejects negative and fractional delays", () => {
    const env = new Environment();
    expect(() => env.timeout(-1)).toThrow(RangeError);
    expect(() => env.timeout(1.5)).toThrow(RangeError);
    expect(() => env.timeout(Number.NaN)).toThrow(RangeError);
  });

  it("stops at run(until) and leaves later events queued", () => {
    const env = new Environment();
    let fired = false;
    env.timeout(1_000).then(() => (fired = true));
    env.run(999);
    expect(env.nowNs).toBe(999);
    expect(fired).toBe(false);
    env.run();
    expect(fired).toBe(true);
  });

  it("hands a process's return value to a process waiting on it", () => {
    const env = new Environment();
    function* child(): Proc<number> {
      yield env.timeout(10);
      return 42;
    }
    let got: unknown;
    env.process(
      (function* (): Proc {
        got = yield env.process(child());
      })(),
    );
    env.run();
    expect(got).toBe(42);
    expect(env.nowNs).toBe(10);
  });

  it("continues at once when a process yields an event that was already processed", () => {
    const env = new Environment();
    const early = env.timeout(5, "v");
    const seen: Array<[unknown, number]> = [];
    env.process(
      (function* (): Proc {
        yield env.timeout(100);
        seen.push([yield early, env.nowNs]);
      })(),
    );
    env.run();
    expect(seen).toEqual([["v", 100]]);
  });

  it("throws a failed event's error into the waiting process", () => {
    const env = new Environment();
    const failing = env.event<number>();
    let caught = "";
    env.process(
      (function* (): Proc {
        try {
          yield failing;
        } catch (e) {
          caught = (e as Error).message;
        }
      })(),
    );
    failing.fail(new Error("media error"), 7);
    env.run();
    expect(caught).toBe("media error");
  });

  it("stops the run with an error that no process handled", () => {
    const env = new Environment();
    env.process(
      (function* (): Proc {
        yield env.timeout(1);
        throw new Error("bug in a model");
      })(),
    );
    expect(() => env.run()).toThrow("bug in a model");
  });

  it("allOf waits for every event and keeps their order; anyOf takes the first", () => {
    const env = new Environment();
    const all = allOf(env, [env.timeout(30, "a"), env.timeout(10, "b")]);
    const any = anyOf(env, [env.timeout(30, "slow"), env.timeout(10, "fast")]);
    const times: Record<string, number> = {};
    all.then(() => (times.all = env.nowNs));
    any.then(() => (times.any = env.nowNs));
    env.run();
    expect(all.value).toEqual(["a", "b"]);
    expect(any.value).toBe("fast");
    expect(times).toEqual({ all: 30, any: 10 });
  });

  it("allOf fails with the first failure", () => {
    const env = new Environment();
    const bad = env.event();
    const all = allOf(env, [env.timeout(30), bad]);
    bad.fail(new Error("x"), 5);
    let failedAt = -1;
    all.then((e) => {
      e.defused = true;
      failedAt = env.nowNs;
    });
    env.run();
    expect(all.ok).toBe(false);
    expect(failedAt).toBe(5);
  });

  it("gives identical event logs for identical runs", () => {
    const trace = (): string => {
      const env = new Environment();
      const log: string[] = [];
      for (let p = 0; p < 5; p++) {
        env.process(
          (function* (): Proc {
            for (let i = 0; i < 50; i++) {
              yield env.timeout(((p * 7919 + i * 104729) % 13) * 10);
              log.push(`${p}:${i}@${env.nowNs}`);
            }
          })(),
        );
      }
      env.run();
      return log.join(",");
    };
    expect(trace()).toBe(trace());
  });
});
