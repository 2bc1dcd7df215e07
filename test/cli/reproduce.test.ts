// `fsyncsim reproduce` and `run --trace` on a small variant of the seed job (the full one is
// checked against results/seed/ by test/results/reference.test.ts).
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SEED_TABLE } from "../../run/index.ts";
import { cli } from "./harness.ts";

const parse = (csv: string): Array<Record<string, string>> => {
  const [header, ...rows] = csv.trim().split("\n");
  const cols = header!.split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [cols[i], v])));
};

describe("fsyncsim reproduce", () => {
  it("prints the four cells beside the seed's numbers, with errors and speedups that follow from them", async () => {
    const r = await cli(["reproduce", "--set", "size=2m", "--format", "csv", "--workers", "1"]);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout);
    expect(rows.map((x) => `${x.device}/${x.logger}`)).toEqual([
      "sata-hdd/truncate-and-copy", "sata-hdd/modified-extents", "fusion-iodrive/truncate-and-copy", "fusion-iodrive/modified-extents",
    ]);
    for (const x of rows) {
      const seed = SEED_TABLE[x.device as "sata-hdd"][x.logger as "modified-extents"];
      expect(Number(x.seed_kib_per_s)).toBe(seed);
      expect(Number(x.error_pct)).toBeCloseTo(((Number(x.simulated_kib_per_s) - seed) / seed) * 100, 1);
    }
    const sata = rows.filter((x) => x.device === "sata-hdd");
    expect(Number(sata[0]!.simulated_speedup)).toBeCloseTo(Number(sata[1]!.simulated_kib_per_s) / Number(sata[0]!.simulated_kib_per_s), 2);
  }, 60_000);

  it("writes the table, JSON and one trace per cell into --out, and gives the same numbers on any number of workers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fsyncsim-rep-"));
    const a = await cli(["reproduce", "--set", "size=1m", "--format", "csv", "--workers", "2", "--out", dir]);
    const b = await cli(["reproduce", "--set", "size=1m", "--format", "csv", "--workers", "1"]);
    expect(a.stdout).toBe(b.stdout);
    expect(readdirSync(dir).sort()).toEqual([
      ...["fsync-breakdown", "fsync-latency"].flatMap((c) => [`${c}.png`, `${c}.svg`, `${c}.vl.json`]),
      "report.html", "reproduce.csv", "reproduce.json", "reproduce.txt",
      "seed-table.png", "seed-table.svg", "seed-table.vl.json",
      "trace-fusion-iodrive-modified-extents.csv", "trace-fusion-iodrive-truncate-and-copy.csv",
      "trace-sata-hdd-modified-extents.csv", "trace-sata-hdd-truncate-and-copy.csv",
      "vendor-vega-embed.min.js", "vendor-vega-lite.min.js", "vendor-vega.min.js",
    ]);
    // report --from redraws the same charts and page from these files, without simulating.
    const redrawn = mkdtempSync(join(tmpdir(), "fsyncsim-redraw-"));
    expect((await cli(["report", "--from", dir, "--out", redrawn])).code).toBe(0);
    for (const f of ["report.html", "seed-table.svg", "fsync-latency.png", "fsync-breakdown.vl.json"]) {
      expect(readFileSync(join(redrawn, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
    }
    expect(parse(readFileSync(join(dir, "trace-sata-hdd-modified-extents.csv"), "utf8"))).toHaveLength(255);
  }, 60_000);
});

describe("fsyncsim run --trace", () => {
  it("writes one row per fsync whose time breakdown adds up to its latency", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fsyncsim-trace-"));
    const file = join(dir, "t.csv");
    const r = await cli(["run", "--device", "sata-hdd", "--set", "size=1m", "--trace", file]);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(file, "utf8"));
    expect(rows).toHaveLength(255);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining([
      "fsync_index", "time_s", "latency_us", "path", "log_items_copied", "log_blocks_written", "device_writes",
      "device_write_bytes", "device_flushes", "fs_extent_items", "cpu_us", "data_io_us", "log_io_us", "flush_us", "commit_wait_us",
    ]));
    expect(rows[0]!.path).toBe("full");
    expect(rows[1]!.path).toBe("fast");
    for (const x of rows) {
      const parts = Number(x.cpu_us) + Number(x.data_io_us) + Number(x.log_io_us) + Number(x.flush_us) + Number(x.commit_wait_us);
      expect(parts).toBeCloseTo(Number(x.latency_us), 0);
    }
    expect(Number(rows[100]!.device_flushes)).toBe(2); // the barrier, and the superblock's emulated FUA
  });
});
