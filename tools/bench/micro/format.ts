// Small helpers shared by the micro-benchmarks: readable counts in task names, and a seeded
// random integer source so every run benchmarks the same sequence of operations.
import seedrandom from "seedrandom";

/** `n` with thousands separators, for task names ("1,000 lookups"). */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** A seeded source of integers in [0, n). */
export function randomInts(seed: string): (n: number) => number {
  const rnd = seedrandom.alea(seed);
  return (n) => Math.floor(rnd() * n);
}
