// Replaying what real fio recorded: the seed job's iolog (fio 3.33, workloads/iologs/) replays to
// within 3 % of the generated seed job's throughput on both 2012 devices; the offsets differ
// (fio's random generator is not ours), the mechanism is the same.
import { describe, expect, it } from "vitest";
import { runJob, throughputKiBps, type RunResult } from "../../run/index.ts";
import { planReplay, readIolog, readJobFile, resolveJobs } from "../../workloads/index.ts";

const seed = readJobFile("workloads/jobs/seed.fio").jobs[0]!;
const trace = readIolog("workloads/iologs/seed-fio-3.33.iolog");

const replayed = (device: "sata-hdd" | "fusion-iodrive", options = ""): RunResult => {
  const job = resolveJobs(`[replay]\nsize=${trace.files[0]!.extentBytes}\n${options}`, "replay").jobs[0]!;
  return runJob({
    jobs: [job], device, fs: "btrfs", logger: "modified-extents", seed: 1,
    replay: { source: { kind: "iolog", file: trace.file, name: "seed" }, plan: planReplay(trace, job, 1), ops: trace.ops },
  });
};

describe("replaying real fio's iolog of the seed job", () => {
  for (const device of ["sata-hdd", "fusion-iodrive"] as const) {
    it(`lands within 3 % of the generated seed job on ${device}`, { timeout: 60_000 }, () => {
      const generated = runJob({ jobs: [seed], device, fs: "btrfs", logger: "modified-extents", seed: 1 });
      const replay = replayed(device);
      expect(replay.writes).toBe(12_800);
      expect(replay.fsyncs).toBe(12_799);
      expect(replay.bytesWritten).toBe(50 * 2 ** 20);
      const ratio = throughputKiBps(replay) / throughputKiBps(generated);
      expect(Math.abs(ratio - 1)).toBeLessThan(0.03);
    });
  }
});
