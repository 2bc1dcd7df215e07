// The phase breakdown chart, from the phase columns of the committed seed traces.
import { describe, expect, it } from "vitest";
import { fsyncBreakdownSpec } from "../../charts/index.ts";
import { phaseRows } from "./samples.ts";
import { vegaLiteSchemaErrors } from "./vl-schema.ts";

describe("fsyncBreakdownSpec", () => {
  const spec = fsyncBreakdownSpec(phaseRows()) as Record<string, any>;

  it("validates against the Vega-Lite schema", () => {
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
  });

  it("stacks the phases in the order the rows give them", () => {
    const bar = spec.spec.layer[0];
    expect(bar.encoding.color.scale.domain).toEqual(["cpu", "data I/O", "log I/O", "flush", "commit wait", "contention"]);
    expect(bar.encoding.order.field).toBe("phaseOrder");
    const reversed = fsyncBreakdownSpec([...phaseRows()].reverse()) as Record<string, any>;
    expect(reversed.spec.layer[0].encoding.color.scale.domain[0]).toBe("contention");
  });

  it("gives each device its own x scale and labels each bar with its total", () => {
    expect(spec.facet.row.field).toBe("device");
    expect(spec.resolve.scale.x).toBe("independent");
    expect(spec.spec.layer[1].mark.type).toBe("text");
  });

  it("carries the seed's means: SATA before the patch ~46.6 ms per fsync, 35.7 of it flush", () => {
    // Reference: README "What the reproduction shows" (results/seed/reproduce.txt).
    const sata = spec.data.values.filter((v: any) => v.device === "SATA disk" && v.logger === "before the patch");
    expect(sata.reduce((s: number, v: any) => s + v.meanMs, 0)).toBeCloseTo(46.6, 0);
    expect(sata.find((v: any) => v.phase === "flush").meanMs).toBeCloseTo(35.70, 1);
  });
});
