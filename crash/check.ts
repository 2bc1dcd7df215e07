// The crash-point checker: run the job once, recording what the device received and what the job
// did; then cut the power at chosen instants (every request boundary for small jobs, a seeded
// sample otherwise), and at each explore device states (unstable writes lost, kept, or some of
// them, torn or whole), mount each as recovery would, and check it against what fsync promised.
import seedrandom from "seedrandom";
import { RECORD_BLOCK_BYTES } from "../block/index.ts";
import { runJob, type RunConfig, type RunResult } from "../run/index.ts";
import { DeviceImage } from "./device-image.ts";
import { crashSupport } from "./filesystems.ts";
import type { CrashMount } from "./support.ts";
import type { Injection } from "./inject.ts";
import { PromiseTracker } from "./promises.ts";
import { CrashRecorder } from "./recorder.ts";

export interface CrashCheckConfig extends Omit<RunConfig, "instrument" | "trace"> {
  /** Power cuts to try (all request boundaries if there are no more than this). */
  readonly points: number;
  /** Device states per cut beyond "all unstable writes lost" and "all kept". */
  readonly randomStates: number;
  readonly injections: readonly Injection[];
  /** Called after each cut, with cuts done and total. */
  readonly onCut?: (done: number, total: number) => void;
}

export interface FirstViolation {
  readonly cutNs: number;
  /** The last device request issued before the cut. */
  readonly lastRequest: string;
  readonly state: string;
  readonly what: string;
}

export interface CrashCheckResult {
  readonly run: RunResult;
  readonly points: number;
  readonly states: number;
  /** fsyncs the job completed (the promises checked, each from the cut after its return on). */
  readonly fsyncs: number;
  readonly violations: number;
  readonly first: FirstViolation | undefined;
}

export function crashCheck(config: CrashCheckConfig): CrashCheckResult {
  const support = crashSupport(config.fs, config.injections);
  const attached: Array<{ recorder: CrashRecorder; mount: CrashMount }> = [];
  const run = runJob({
    ...config,
    instrument: (fs, bdev) => {
      const recorder = new CrashRecorder(bdev.writesAtRiskUntilFlushed);
      bdev.attachRecorder(recorder);
      attached.push({ recorder, mount: support.attach(fs, recorder, new Set(config.injections)) });
    },
  });
  const only = attached[0];
  if (only === undefined || attached.length > 1) throw new Error("a crash-checked run builds one filesystem");
  const { recorder } = only;
  const check = only.mount.afterRun();
  const cuts = cutPoints(recorder, config.points, String(config.seed));
  const image = new DeviceImage(recorder);
  const promises = new PromiseTracker(recorder);
  let states = 0;
  let violations = 0;
  let first: FirstViolation | undefined;
  cuts.forEach((cutNs, i) => {
    image.advance(cutNs);
    const standing = promises.at(cutNs);
    for (const state of image.states(config.randomStates, `${config.seed}:${i}`)) {
      states++;
      const what = check(state, standing);
      if (what === undefined) continue;
      violations++;
      first ??= { cutNs, lastRequest: lastRequest(recorder, cutNs), state: state.description, what };
    }
    config.onCut?.(i + 1, cuts.length);
  });
  return { run, points: cuts.length, states, fsyncs: recorder.fsyncs.length, violations, first };
}

/** The instants to cut at: request issues and completions (sampled down to `points`), in order. */
function cutPoints(recorder: CrashRecorder, points: number, seed: string): number[] {
  const all = new Set<number>();
  for (const w of recorder.writes) {
    if (w.doneNs === 0) continue; // mkfs's base image
    all.add(w.issuedNs);
    all.add(w.doneNs);
  }
  for (const f of recorder.flushes) {
    all.add(f.issuedNs);
    all.add(f.doneNs);
  }
  const sorted = [...all].sort((a, b) => a - b);
  if (sorted.length <= points) return sorted;
  const rng = seedrandom.alea(`${seed}/cuts`);
  const chosen = new Set<number>([sorted[sorted.length - 1] as number]);
  while (chosen.size < points) chosen.add(sorted[Math.floor(rng() * sorted.length)] as number);
  return [...chosen].sort((a, b) => a - b);
}

function lastRequest(recorder: CrashRecorder, cutNs: number): string {
  let best: string | undefined;
  let bestNs = -1;
  for (const w of recorder.writes) {
    if (w.issuedNs <= cutNs && w.issuedNs >= bestNs && w.doneNs > 0) {
      bestNs = w.issuedNs;
      const kinds = [...new Set(w.images.map((im) => im.kind))].join("+") || "unknown";
      best = `write #${w.seq} of ${w.images.length} block(s) (${kinds}) at ${w.block * RECORD_BLOCK_BYTES}${w.fua ? " with FUA" : ""}, issued at ${(w.issuedNs / 1e6).toFixed(3)} ms${w.doneNs > cutNs ? ", not yet complete" : ""}`;
    }
  }
  for (const f of recorder.flushes) {
    if (f.issuedNs <= cutNs && f.issuedNs >= bestNs) {
      bestNs = f.issuedNs;
      best = `flush #${f.seq}, issued at ${(f.issuedNs / 1e6).toFixed(3)} ms${f.doneNs > cutNs ? ", not yet complete" : ""}`;
    }
  }
  return best ?? "none";
}
