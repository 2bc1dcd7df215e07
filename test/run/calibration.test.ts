// Calibration: Gauss-Newton's step solves its normal equations, and a fit recovers parameter values
// that produced the "measurements" (made here by the model itself at known values).
import { describe, expect, it } from "vitest";
import { createRunPool, fitParameter, fitParameters, gaussNewtonStep, simulateCases } from "../../run/index.ts";
import type { ValidationCase } from "../../validation/cases.ts";

const base = { source: "test", job: "test/fixtures/jobs/small-fsync.fio", device: "null", kernel: "", unit: "KiB/s (fio KB/s)", note: "" } as const;

describe("calibration", () => {
  it("takes the least-squares step of a linear model", () => {
    // r(x) = J x - y with J = [[2, 0], [0, 4], [1, 1]], from x = 0: the step is J's least-squares solution of J dx = y.
    const columns = [[2, 0, 1], [0, 4, 1]];
    const y = [2, 4, 2];
    const dx = gaussNewtonStep(columns, y.map((v) => -v));
    expect(dx[0]).toBeCloseTo(1, 6);
    expect(dx[1]).toBeCloseTo(1, 6);
  });

  it("recovers the two CPU parameters that made two cases' rates", async () => {
    const pool = createRunPool(1);
    const truth = new Map([["cpu.costScaleRatio", 0.8], ["cpu.fsyncFixedUs", 600]]);
    const shapes = [{ id: "a", logger: "truncate-and-copy" }, { id: "b", logger: "modified-extents" }];
    const made = await simulateCases(shapes.map((s) => ({ ...base, ...s, measured: 1 })), truth, 1, pool);
    const cases: ValidationCase[] = shapes.map((s, i) => ({ ...base, ...s, measured: made[i] as number }));
    const fit = await fitParameters({ parameters: [fitParameter("cpu.costScaleRatio"), fitParameter("cpu.fsyncFixedUs")], cases, seed: 1, pool });
    await pool.destroy();
    expect(fit.values.get("cpu.costScaleRatio")).toBeCloseTo(0.8, 2);
    expect(fit.values.get("cpu.fsyncFixedUs")).toBeCloseTo(600, -1);
    fit.simulated.forEach((s, i) => expect(Math.abs(s / (cases[i] as ValidationCase).measured - 1)).toBeLessThan(1e-3));
  }, 60_000);

  it("refuses more parameters than cases, and a key that names no number", async () => {
    const pool = createRunPool(1);
    await expect(fitParameters({ parameters: [fitParameter("cpu.costScaleRatio")], cases: [], seed: 1, pool })).rejects.toThrow(/1 parameters cannot be fitted to 0 case/);
    expect(() => fitParameter("device.destageOrder")).toThrow(/not a number parameter/);
    await pool.destroy();
  });
});
