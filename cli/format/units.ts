// Conversions from the simulator's internal units (ns, bytes) to what people read, done only here
// at the output edge. KiB = 1024 bytes, as fio's KB/s was in 2012 (kb_base=1024).

/** `value` with `digits` decimals; never prints "-0". */
export function fixed(value: number, digits: number): string {
  const s = value.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

export const nsToS = (ns: number): number => ns / 1e9;
export const nsToUs = (ns: number): number => ns / 1e3;
export const bytesToKiB = (bytes: number): number => bytes / 1024;
export const bytesToMiB = (bytes: number): number => bytes / 2 ** 20;

/** A duration for people: "812 ns", "35.2 µs", "6.70 ms", "85.8 s". */
export function humanDuration(ns: number): string {
  if (ns < 1e3) return `${fixed(ns, 0)} ns`;
  if (ns < 1e6) return `${fixed(ns / 1e3, 1)} µs`;
  if (ns < 1e9) return `${fixed(ns / 1e6, 2)} ms`;
  return `${fixed(ns / 1e9, 1)} s`;
}
