// An iolog recorded by the real fio on this machine (Debian's fio package, which .ci/run installs)
// replays: fsyncsim reads what fio writes today, not only the committed recordings.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasCommand } from "../../helpers/commands.ts";
import { runJob } from "../../../run/index.ts";
import { planReplay, readIolog, resolveJobs } from "../../../workloads/index.ts";

const hasFio = hasCommand("fio");

describe.skipIf(!hasFio)("a log recorded by the installed fio", () => {
  it("replays with the recorded writes and fsyncs, on the recorded file", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "fsyncsim-fio-"));
    const log = join(dir, "seed.iolog");
    execFileSync("fio", ["--name=seed", "--rw=randwrite", "--bs=4k", "--size=1m", "--fsync=1", `--write_iolog=${log}`, "--filename=seed.0.0", "--output-format=terse"], { cwd: dir, stdio: "ignore" });
    const trace = readIolog(log);
    expect(trace.files.map((f) => f.name)).toEqual(["seed.0.0"]);
    const job = resolveJobs("[replay]\nsize=1m\n", "t.fio").jobs[0]!;
    const r = runJob({ jobs: [job], device: "null", fs: "btrfs", logger: "modified-extents", seed: 1, replay: { source: { kind: "iolog", file: log, name: "seed" }, plan: planReplay(trace, job, 1), ops: trace.ops } });
    expect(r.writes).toBe(256);
    expect(r.fsyncs).toBe(255);
    expect(r.bytesWritten).toBe(2 ** 20);
  });
});
