// The seed table chart. Reference: the patch mail's table, SATA 82 -> 140 KB/s, Fusion 431 -> 2532 KB/s.
import { describe, expect, it } from "vitest";
import { seedTableSpec } from "../../charts/index.ts";
import { SEED_CELLS } from "./samples.ts";
import { vegaLiteSchemaErrors } from "./vl-schema.ts";

describe("seedTableSpec", () => {
  const spec = seedTableSpec(SEED_CELLS) as Record<string, any>;

  it("validates against the Vega-Lite schema", () => {
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
  });

  it("puts each device in its own panel with its own y scale", () => {
    expect(spec.facet.column.field).toBe("device");
    expect(spec.resolve.scale.y).toBe("independent");
  });

  it("marks the seed's number with a tick and labels every bar with both numbers", () => {
    const marks = spec.spec.layer.map((l: any) => l.mark.type);
    expect(marks).toEqual(["bar", "tick", "text", "text", "point"]);
    const tick = spec.spec.layer[1];
    expect(tick.encoding.y.field).toBe("seedKiBps");
    expect(spec.title.subtitle.join(" ")).toContain("tick = the patch's measured value");
    const labels = spec.data.values.map((v: any) => `${v.simulatedLabel} ${v.seedLabel}`);
    expect(labels).toEqual(["88.3 2012: 82", "131.2 2012: 140", "430.9 2012: 431", "2532.1 2012: 2532"]);
  });

  it("names the loggers as the patch did, before the patch first", () => {
    expect(spec.spec.encoding.x.sort).toEqual(["before the patch", "the patch"]);
    expect(spec.spec.encoding.x.field).toBe("loggerLabel");
  });
});
