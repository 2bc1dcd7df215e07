// The CPU meter: charges accumulate per kind and as pending time, which take() hands over once,
// rounded to whole nanoseconds; chargeEach is exactly a run of identical charges.
import { describe, expect, it } from "vitest";
import { CPU_PARAMS, CpuMeter } from "../../../btrfs/cpu/index.ts";
import { paramDefaults } from "../../../lib/index.ts";

const meter = (costScaleRatio = 1): CpuMeter => new CpuMeter({ ...paramDefaults(CPU_PARAMS), costScaleRatio });

describe("CpuMeter", () => {
  it("counts charges per kind and hands the pending time over once", () => {
    const m = meter();
    m.charge("btreeSearchLevel", 3);
    m.charge("itemInsert");
    const expected = Math.round((3 * m.unitUs("btreeSearchLevel") + m.unitUs("itemInsert")) * 1e3);
    expect(m.counts.btreeSearchLevel).toBe(3);
    expect(m.counts.itemInsert).toBe(1);
    expect(m.take()).toBe(expected);
    expect(m.take()).toBe(0);
  });

  it("charges with chargeEach exactly what the same charges one by one would, to the nanosecond", () => {
    // A scale that makes unit costs fractional, so that the order of the float additions matters.
    for (const scale of [1, 0.37, 1.913]) {
      const one = meter(scale);
      const each = meter(scale);
      for (const [count, times] of [[3, 7], [1, 1000], [4, 12_345]] as const) {
        one.charge("itemDelete");
        each.charge("itemDelete");
        for (let t = 0; t < times; t++) one.charge("btreeSearchLevel", count);
        each.chargeEach("btreeSearchLevel", count, times);
        expect(each.take()).toBe(one.take());
        expect(each.counts).toEqual(one.counts);
      }
    }
  });
});
