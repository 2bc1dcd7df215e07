// The crash-point checker: run the job once, recording what the device received and what the job
// did; then cut the power at chosen instants (every request boundary for small jobs, a seeded
// sample otherwise), and at each explore device states (unstable writes lost, kept, or some of
// them, torn or whole), mount each as recovery would, and check it against what fsync promised.
import seedrandom from "seedrandom";
import { runJob, type RunConfig, type RunResult } from "../run/run-job.ts";
import type { DataBefore } from "./csum-index.ts";
import { DeviceImage } from "./device-image.ts";
import type { DataImage } from "./images.ts";
import type { Injection } from "./inject.ts";
import { PromiseTracker } from "./promises.ts";
import { CrashRecorder, IMAGE_BLOCK_BYTES } from "./recorder.ts";
import { MountError, recover, recoveryContext, type RecoveryContext } from "./recover.ts";
import { verify } from "./verify.ts";
import { partitionPoint } from "../lib/partition-point.ts";

export interface CrashCheckConfig extends Omit<RunConfig, "crashRecorder" | "trace"> {
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
  const recorder = new CrashRecorder(config.injections);
  const run = runJob({ ...config, crashRecorder: recorder });
  const layout = recorder.layout;
  if (layout === undefined) throw new Error("crash-check needs the btrfs model (--fs btrfs)");
  const ctx = recoveryContext(layout.volumes, layout.nodesize, recorder.inodes, dataHistory(recorder, layout.volumes));
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
      let what: string | undefined;
      try {
        what = verify(recover(state, ctx), standing, state, layout.volumes)?.what;
      } catch (error) {
        if (!(error instanceof MountError)) throw error;
        what = `the filesystem does not mount: ${error.message}`;
      }
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

/** For each logical data block, the data images written to it in issue order. */
function dataHistory(recorder: CrashRecorder, volumes: RecoveryContext["volumes"]): DataBefore {
  const byPhysical = new Map<number, Array<{ seq: number; image: DataImage }>>();
  for (const w of recorder.writes) {
    w.images.forEach((image, i) => {
      if (image.kind !== "data") return;
      const block = w.block + i;
      let list = byPhysical.get(block);
      if (list === undefined) {
        list = [];
        byPhysical.set(block, list);
      }
      list.push({ seq: w.seq, image });
    });
  }
  return (logicalBlock, seq) => {
    const list = byPhysical.get(volumes.firstPhysical(logicalBlock * IMAGE_BLOCK_BYTES) / IMAGE_BLOCK_BYTES);
    if (list === undefined) return undefined;
    return list[partitionPoint(list.length, (i) => (list[i] as { seq: number }).seq < seq) - 1]?.image;
  };
}

function lastRequest(recorder: CrashRecorder, cutNs: number): string {
  let best: string | undefined;
  let bestNs = -1;
  for (const w of recorder.writes) {
    if (w.issuedNs <= cutNs && w.issuedNs >= bestNs && w.doneNs > 0) {
      bestNs = w.issuedNs;
      const kinds = [...new Set(w.images.map((im) => im.kind))].join("+") || "unknown";
      best = `write #${w.seq} of ${w.images.length} block(s) (${kinds}) at ${w.block * IMAGE_BLOCK_BYTES}${w.fua ? " with FUA" : ""}, issued at ${(w.issuedNs / 1e6).toFixed(3)} ms${w.doneNs > cutNs ? ", not yet complete" : ""}`;
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
