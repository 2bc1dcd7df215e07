// `run --iolog` replays fio's iologs (and a job's read_iolog=), `--format fio-json` prints fio 3.x's
// JSON shape, and bad logs are refused in one line naming the file and line.
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./harness.ts";

const MIXED = "test/fixtures/iolog/randrw-fdatasync4.v2.iolog";

describe("fsyncsim run --iolog", () => {
  it("replays a real fio log: its reads, writes and datasyncs, on its own file", async () => {
    const r = await cli(["run", "--iolog", MIXED, "--device", "null", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.source).toMatchObject({ kind: "iolog", file: MIXED });
    expect(doc.summary).toMatchObject({ reads: "29", ops: "35", fsyncs: "18" });
  });

  it("replays from a job file's read_iolog, with that job's options", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fsyncsim-"));
    const job = join(dir, "replay.fio");
    writeFileSync(job, `[replay]\nread_iolog=${join(process.cwd(), MIXED)}\nsize=256k\nreplay_no_stall=1\nfallocate=none\n`);
    const r = await cli(["run", "--job", job, "--device", "null", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/,29,/);
  });

  it("refuses a malformed log in one line naming the file and line, writing nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fsyncsim-"));
    const log = join(dir, "bad.iolog");
    writeFileSync(log, "fio version 2 iolog\nf add\nf open\nf write 0 4096\nf scribble 0 4096\n");
    const out = join(dir, "out");
    const r = await cli(["run", "--iolog", log, "--device", "null", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^fsyncsim: error: ${log.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:5: `));
    expect(() => readdirSync(out)).toThrow();
  });
});

describe("fsyncsim run --format fio-json", () => {
  it("prints fio 3.x's JSON: version, jobs with write and sync sections, disk_util", async () => {
    const r = await cli(["run", "--device", "fusion-iodrive", "--set", "size=1m", "--format", "fio-json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc["fio version"]).toMatch(/fio-3\.33/);
    const job = doc.jobs[0];
    expect(job.jobname).toBe("seed");
    expect(job["job options"]).toMatchObject({ rw: "randwrite", bs: "4k", fsync: "1" });
    expect(job.write).toMatchObject({ io_bytes: 2 ** 20, io_kbytes: 1024, total_ios: 256 });
    expect(Math.abs(job.write.bw / (1024 / (job.write.runtime / 1000)) - 1)).toBeLessThan(0.01); // KiB/s over the ms runtime
    expect(Object.keys(job.write.clat_ns.percentile)).toContain("99.990000");
    expect(job.sync.total_ios).toBe(255);
    expect(job.sync.lat_ns.N).toBe(255);
    expect(doc.disk_util[0].name).toBe("fusion-iodrive");
  });
});
