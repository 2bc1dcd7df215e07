// Sweep charts: the x column read as numbers, sizes or names; other swept columns as rows of
// panels; and the patch's speedup only where both loggers ran.
import { describe, expect, it } from "vitest";
import { parseFioSizeBytes, sweepLayout, sweepSpecs, SWEEP_VALUE_COLUMNS } from "../../charts/index.ts";
import { RUN_COLUMNS } from "../../cli/format/run-summary.ts";
import { sweepRows } from "./samples.ts";
import { vegaLiteSchemaErrors } from "./vl-schema.ts";

/** A hand-made sweep over `size` on both devices: throughputs chosen so each speedup is exact. */
const HAND_ROWS = [
  { point: "0", device: "sata-hdd", logger: "truncate-and-copy", size: "10m", throughput_kib_per_s: "100" },
  { point: "1", device: "sata-hdd", logger: "truncate-and-copy", size: "50m", throughput_kib_per_s: "80" },
  { point: "2", device: "sata-hdd", logger: "modified-extents", size: "10m", throughput_kib_per_s: "150" },
  { point: "3", device: "sata-hdd", logger: "modified-extents", size: "50m", throughput_kib_per_s: "140" },
  { point: "4", device: "fusion-iodrive", logger: "truncate-and-copy", size: "10m", throughput_kib_per_s: "500" },
  { point: "5", device: "fusion-iodrive", logger: "modified-extents", size: "10m", throughput_kib_per_s: "2500" },
  { point: "6", device: "fusion-iodrive", logger: "modified-extents", size: "50m", throughput_kib_per_s: "2400" },
];

const values = (spec: unknown): Array<Record<string, unknown>> => (spec as { data: { values: Array<Record<string, unknown>> } }).data.values;

describe("parseFioSizeBytes", () => {
  it("reads fio's suffixes with kb_base 1024, and its 'kib' quirk as powers of 1000", () => {
    expect(parseFioSizeBytes("4k")).toBe(4096);
    expect(parseFioSizeBytes("10m")).toBe(10 * 2 ** 20);
    expect(parseFioSizeBytes("1G")).toBe(2 ** 30);
    expect(parseFioSizeBytes("8mb")).toBe(8 * 2 ** 20);
    expect(parseFioSizeBytes("4kib")).toBe(4000);
    expect(parseFioSizeBytes("4096")).toBeUndefined();
    expect(parseFioSizeBytes("fast")).toBeUndefined();
  });
});

describe("sweepLayout", () => {
  it("reads sizes as bytes shown in MiB", () => {
    const layout = sweepLayout(sweepRows(), "size");
    expect(layout.xScale.kind).toBe("size");
    expect(layout.xScale.title).toBe("size (MiB)");
    if (layout.xScale.kind !== "size") throw new Error("not a size");
    expect(["10m", "50m", "200m"].map(layout.xScale.value)).toEqual([10, 50, 200]);
  });

  it("reads plain numbers as numbers and anything else as names in the rows' order", () => {
    const rpm = sweepLayout([{ "device.rotationRpm": "7200" }, { "device.rotationRpm": "5400" }], "device.rotationRpm");
    expect(rpm.xScale.kind).toBe("number");
    const rw = sweepLayout([{ rw: "randwrite" }, { rw: "write" }, { rw: "randwrite" }], "rw");
    expect(rw.xScale).toEqual({ kind: "nominal", title: "rw", order: ["randwrite", "write"] });
  });

  it("makes the other swept columns facet rows, leaving out results and constant columns", () => {
    expect(sweepLayout(sweepRows(), "size").facetColumns).toEqual(["btrfs.nodesizeBytes"]);
    expect(sweepLayout(sweepRows(), "btrfs.nodesizeBytes").facetColumns).toEqual(["size"]);
  });

  it("throws for an x column the rows do not have", () => {
    expect(() => sweepLayout(sweepRows(), "bs")).toThrow(/no column 'bs'/);
  });

  it("knows every result column of `fsyncsim run --format csv`", () => {
    const known = new Set([...SWEEP_VALUE_COLUMNS, "device", "logger"]);
    expect(RUN_COLUMNS.filter((c) => !known.has(c))).toEqual([]);
  });
});

describe("sweepSpecs", () => {
  it("validates against the Vega-Lite schema, with and without facet rows", () => {
    const faceted = sweepSpecs(sweepRows(), { x: "size" });
    const flat = sweepSpecs(sweepRows().filter((r) => r["btrfs.nodesizeBytes"] === "4096"), { x: "size" });
    for (const spec of [faceted.throughput, faceted.speedup, flat.throughput, flat.speedup]) {
      expect(spec).toBeDefined();
      expect(vegaLiteSchemaErrors(spec)).toEqual([]);
    }
  });

  it("plots sizes 10m, 50m, 200m at 10, 50 and 200 MiB on a quantitative axis", () => {
    const { throughput } = sweepSpecs(sweepRows(), { x: "size" });
    expect([...new Set(values(throughput).map((v) => v.x))]).toEqual([10, 50, 200]);
    const encoding = (throughput as { spec: { encoding: { x: { type: string; title: string } } } }).spec.encoding;
    expect(encoding.x.type).toBe("quantitative");
    expect(encoding.x.title).toBe("size (MiB)");
  });

  it("puts each device in its own column of panels with its own y scale", () => {
    const { throughput } = sweepSpecs(sweepRows(), { x: "size" }) as { throughput: Record<string, any> };
    expect(throughput.facet.column.field).toBe("device");
    expect(throughput.facet.row.field).toBe("params");
    expect(throughput.resolve.scale.y).toBe("independent");
  });

  it("computes the speedup at each point where both loggers ran", () => {
    const { speedup } = sweepSpecs(HAND_ROWS, { x: "size" });
    expect(values(speedup).map((v) => [v.device, v.xText, v.speedupRatio])).toEqual([
      ["SATA disk", "10m", 1.5],
      ["SATA disk", "50m", 1.75],
      ["Fusion-io card", "10m", 5], // 50m has no truncate-and-copy row: no speedup there
    ]);
  });

  it("averages rows that repeat a point before dividing", () => {
    const repeated = [...HAND_ROWS, { point: "7", device: "sata-hdd", logger: "truncate-and-copy", size: "10m", throughput_kib_per_s: "200" }];
    const { speedup } = sweepSpecs(repeated, { x: "size" });
    expect(values(speedup)[0]?.speedupRatio).toBe(1); // 150 / mean(100, 200)
  });

  it("has no speedup chart unless both loggers ran", () => {
    const patchedOnly = HAND_ROWS.filter((r) => r.logger === "modified-extents");
    expect(sweepSpecs(patchedOnly, { x: "size" }).speedup).toBeUndefined();
    expect(sweepSpecs(patchedOnly, { x: "size" }).throughput).toBeDefined();
  });

  it("leaves out, and names, a device the x column does not apply to", () => {
    const rows = [
      { device: "sata-hdd", logger: "modified-extents", "device.rotationRpm": "5400", throughput_kib_per_s: "100" },
      { device: "sata-hdd", logger: "modified-extents", "device.rotationRpm": "7200", throughput_kib_per_s: "131" },
      { device: "fusion-iodrive", logger: "modified-extents", "device.rotationRpm": "", throughput_kib_per_s: "2532" },
    ];
    const { throughput } = sweepSpecs(rows, { x: "device.rotationRpm" }) as { throughput: Record<string, any> };
    expect(values(throughput).map((v) => v.x)).toEqual([5400, 7200]);
    expect(throughput.title.subtitle.join(" ")).toContain("Not shown: Fusion-io card");
  });

  it("takes the caller's value columns, so an unknown result column is not a facet", () => {
    const rows = sweepRows().map((r) => ({ ...r, new_result_us: String(Number(r.point) * 1.5) }));
    const layout = sweepLayout(rows, "size", [...SWEEP_VALUE_COLUMNS, "new_result_us"]);
    expect(layout.facetColumns).toEqual(["btrfs.nodesizeBytes"]);
  });
});
