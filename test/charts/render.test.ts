// The renderer: text really drawn (in the committed DejaVu Sans), byte-identical output for the
// same spec, a 2x PNG, and the three files a caller writes.
import { describe, expect, it } from "vitest";
import { chartFiles, fsyncLatencySpec, renderChart, seedTableSpec, svgToPng } from "../../charts/index.ts";
import { latencySeries, SEED_CELLS } from "./samples.ts";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("renderChart", () => {
  it("draws the text: removing every <text> element changes the PNG", async () => {
    const { svg, png } = await renderChart(seedTableSpec(SEED_CELLS));
    const withoutText = svg.replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, "");
    expect(withoutText).not.toBe(svg);
    expect(withoutText).not.toMatch(/<text\b/);
    expect(svgToPng(withoutText).equals(png)).toBe(false);
  });

  it("writes the title, the axis titles and the DejaVu Sans font family into the SVG", async () => {
    const { svg } = await renderChart(seedTableSpec(SEED_CELLS));
    expect(svg).toContain("The seed job before and after");
    expect(svg).toContain("written (KiB/s)");
    expect(svg).toContain("before the patch");
    const families = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
    expect([...families]).toEqual(["DejaVu Sans"]);
  });

  it("gives byte-identical SVG and PNG for the same spec, whatever was rendered before", async () => {
    const spec = fsyncLatencySpec(latencySeries());
    const first = await renderChart(spec);
    await renderChart(seedTableSpec(SEED_CELLS)); // moves vega's clip-id counter if it is not reset
    const second = await renderChart(spec);
    expect(second.svg).toBe(first.svg);
    expect(second.png.equals(first.png)).toBe(true);
  });

  it("rasterises at twice the SVG's size", async () => {
    const { svg, png } = await renderChart(seedTableSpec(SEED_CELLS));
    const m = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg);
    expect(pngSize(png)).toEqual({ width: 2 * Number(m?.[1]), height: 2 * Number(m?.[2]) });
  });

  it("lays text out with the font's widths, not vega's 0.8 em per character guess", async () => {
    const { svg } = await renderChart(seedTableSpec(SEED_CELLS));
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
    // The 57-character, 15 px bold title is about 490 px in DejaVu Sans Bold; guessed, 684 px.
    expect(width).toBeLessThan(600);
  });
});

describe("chartFiles", () => {
  it("returns the spec as pretty JSON with a final newline, the SVG and the PNG", async () => {
    const spec = seedTableSpec(SEED_CELLS);
    const files = await chartFiles("seed-table", spec);
    expect(files.map((f) => f.name)).toEqual(["seed-table.vl.json", "seed-table.svg", "seed-table.png"]);
    const [json, svg, png] = files.map((f) => f.content);
    expect(json).toBe(`${JSON.stringify(spec, null, 2)}\n`);
    expect(typeof svg === "string" && svg.startsWith("<svg")).toBe(true);
    expect(Buffer.isBuffer(png) && png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
