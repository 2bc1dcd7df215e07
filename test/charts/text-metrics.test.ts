// Text widths read from the committed DejaVu Sans TTFs.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readFontFile } from "../../charts/text-metrics.ts";

const font = (file: string) => readFontFile(fileURLToPath(new URL(`../../charts/fonts/${file}`, import.meta.url)));

describe("readFontMetrics", () => {
  const regular = font("DejaVuSans.ttf");
  const bold = font("DejaVuSans-Bold.ttf");

  it("reads DejaVu Sans's 2048 units per em and its 1303-unit digits", () => {
    expect(regular.unitsPerEm).toBe(2048);
    expect(regular.widthEm("0123456789")).toBeCloseTo((10 * 1303) / 2048, 6);
  });

  it("gives narrow letters less width than wide ones, and bold more than regular", () => {
    expect(regular.widthEm("i")).toBeLessThan(regular.widthEm("W"));
    expect(bold.widthEm("fsync latency")).toBeGreaterThan(regular.widthEm("fsync latency"));
  });

  it("measures symbols outside ASCII (×, µ) and the empty string", () => {
    expect(regular.widthEm("×")).toBeGreaterThan(0.3);
    expect(regular.widthEm("µ")).toBeGreaterThan(0.3);
    expect(regular.widthEm("")).toBe(0);
  });
});
