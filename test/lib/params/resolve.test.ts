// Parameter overrides are checked against their table entry.
import { describe, expect, it } from "vitest";
import { resolveParams, type ParamTable } from "../../../lib/index.ts";

const TABLE = {
  speedRpm: { kind: "number", default: 7200, min: 3600, max: 15000, integer: true, help: "h", source: "s", status: "confirmed" },
  cacheOn: { kind: "boolean", default: true, help: "h", source: "s", status: "confirmed" },
  order: { kind: "choice", choices: ["a", "b"], default: "a", help: "h", source: "s", status: "convention" },
} as const satisfies ParamTable;

const o = (name: string, value: string) => ({ name, value, where: `--set x.${name}=${value}` });

describe("resolveParams", () => {
  it("returns defaults, with overrides applied and typed", () => {
    expect(resolveParams(TABLE, [])).toEqual({ speedRpm: 7200, cacheOn: true, order: "a" });
    expect(resolveParams(TABLE, [o("speedRpm", "5400"), o("cacheOn", "false"), o("order", "b")])).toEqual({ speedRpm: 5400, cacheOn: false, order: "b" });
  });

  it("refuses values outside the entry's type or bounds, naming the flag", () => {
    expect(() => resolveParams(TABLE, [o("speedRpm", "100")], "x.")).toThrow(/x\.speedRpm must be within \[3600, 15000\] rpm, not 100/);
    expect(() => resolveParams(TABLE, [o("speedRpm", "7200.5")], "x.")).toThrow(/whole number/);
    expect(() => resolveParams(TABLE, [o("speedRpm", "fast")], "x.")).toThrow(/must be a number/);
    expect(() => resolveParams(TABLE, [o("speedRpm", "")], "x.")).toThrow(/must be a number/);
    expect(() => resolveParams(TABLE, [o("cacheOn", "yes")], "x.")).toThrow(/true or false/);
    expect(() => resolveParams(TABLE, [o("order", "c")], "x.")).toThrow(/one of a, b/);
  });

  it("suggests the nearest name for an unknown one", () => {
    expect(() => resolveParams(TABLE, [o("speedRmp", "1")], "x.")).toThrow(/did you mean 'x\.speedRpm'/);
  });
});
