// The machine's own ceiling for a 2-thread speedup: the same fixed, allocation-heavy JavaScript
// loop run twice in one thread, then once in each of two worker threads at the same time. The loop
// shares nothing and waits for nothing, so whatever keeps its ratio below 2 (caches and memory
// bandwidth shared by the cores, the hypervisor, V8's own helper threads) caps any 2-worker sweep
// on this machine too. Used by tools/bench/sweep-speedup.ts to put its figure in context.
import { Worker } from "node:worker_threads";

/** Allocates small objects and keeps a sliding window of them alive, like a simulator's state. */
const LOOP = `
function unit(n) {
  let live = [];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const o = { a: i, b: [i, i + 1], c: null };
    live.push(o);
    if (live.length > 5000) live = live.slice(2500);
    s += o.b[1] - o.a;
  }
  return s;
}`;

/** Iterations per unit of work: about 1.6 s in one thread on the 2-core host of docs/performance.md. */
const UNIT_ITERATIONS = 150_000_000;

function inWorker(iterations: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const w = new Worker(`${LOOP}\nunit(${iterations});`, { eval: true });
    w.on("error", reject);
    w.on("exit", () => resolve());
  });
}

/** Seconds for two units in one thread, and for one unit in each of two threads at once. */
export async function parallelCeiling(iterations = UNIT_ITERATIONS): Promise<{ oneThreadS: number; twoThreadsS: number; speedup: number }> {
  let t0 = performance.now();
  await inWorker(2 * iterations);
  const oneThreadS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await Promise.all([inWorker(iterations), inWorker(iterations)]);
  const twoThreadsS = (performance.now() - t0) / 1000;
  return { oneThreadS, twoThreadsS, speedup: oneThreadS / twoThreadsS };
}
