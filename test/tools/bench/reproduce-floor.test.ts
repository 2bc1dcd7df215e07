// The floor under fsyncsim reproduce's time (tools/bench/reproduce-floor.ts): independent cells' CPU
// time spread over the cores, never below the longest cell.
import { describe, expect, it } from "vitest";
import { floorMs } from "../../../tools/bench/reproduce-floor.ts";

describe("floorMs", () => {
  it("spreads the cells' CPU time evenly over the cores", () => {
    expect(floorMs([1350, 370, 1430, 380], 2)).toBe(1765);
    expect(floorMs([1350, 370, 1430, 380], 1)).toBe(3530);
  });

  it("uses no more cores than there are cells", () => {
    expect(floorMs([600, 400], 8)).toBe(600);
  });

  it("is never below the longest cell", () => {
    expect(floorMs([3000, 100, 100], 2)).toBe(3000);
  });

  it("is zero without cells", () => {
    expect(floorMs([], 2)).toBe(0);
  });
});
