// The fsync latency chart, built from the committed seed traces (12,799 fsyncs per run).
import { describe, expect, it } from "vitest";
import { binFsyncs, fsyncLatencySpec } from "../../charts/index.ts";
import { latencySeries } from "./samples.ts";
import { vegaLiteSchemaErrors } from "./vl-schema.ts";

describe("binFsyncs", () => {
  it("averages latency (in ms) and items copied per bin of simulated time, bins in time order", () => {
    const bins = binFsyncs(
      [
        { timeS: 1.2, latencyUs: 3000, itemsCopied: 10 },
        { timeS: 0.1, latencyUs: 1000, itemsCopied: 2 },
        { timeS: 0.9, latencyUs: 2000, itemsCopied: 4 },
      ],
      1,
    );
    expect(bins).toEqual({ timeS: [0.5, 1.5], latencyMs: [1.5, 3], itemsCopied: [3, 10] });
  });
});

describe("fsyncLatencySpec", () => {
  const series = latencySeries();
  const spec = fsyncLatencySpec(series) as Record<string, any>;

  it("validates against the Vega-Lite schema", () => {
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
  });

  it("stays under 100 KB as saved, for 4 x 12,799 fsyncs", () => {
    expect(series.reduce((n, s) => n + s.points.length, 0)).toBeGreaterThan(50_000);
    expect(JSON.stringify(spec, null, 2).length).toBeLessThan(100_000);
  });

  it("has a panel per device, each line one point per second of the run", () => {
    expect(spec.vconcat.map((p: any) => p.title.text)).toEqual(["SATA disk", "Fusion-io card"]);
    const fusionBefore = spec.datasets["fusion-iodrive"][0];
    expect(fusionBefore.logger).toBe("before the patch");
    expect(fusionBefore.timeS.length).toBe(119); // results/seed: 118.8 s of simulated time
    expect(spec.title.subtitle[0]).toContain("1 s of simulated time");
  });

  it("cuts the disk's axis above its few commit-stall bins, and says so, but not the card's", () => {
    const [sata, fusion] = spec.vconcat;
    expect(sata.title.subtitle).toMatch(/^Cut off at the top/);
    expect(sata.mark.clip).toBe(true);
    expect(fusion.title.subtitle).toBeUndefined();
    expect(fusion.encoding.y.scale.domain[1]).toBe(Math.max(...spec.datasets["fusion-iodrive"].flatMap((v: any) => v.latencyMs)));
  });
});
