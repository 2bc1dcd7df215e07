// Text widths for vega's layout, read from the committed DejaVu Sans fonts. Headless vega (no
// canvas) guesses every string as 0.8 em per character, which leaves wide empty margins and cuts
// labels at the wrong length; vega lets a renderer replace `textMetrics.width` (vl-convert does the
// same), so this reads each glyph's advance from the TTF's cmap (format 4) and hmtx tables and
// installs a measurer that sums them. Kerning is ignored: a few tenths of a pixel per label.
import { readFileSync } from "node:fs";

/** Advance widths of one font face. */
export interface FontMetrics {
  /** Font design units per em (2048 for DejaVu Sans). */
  unitsPerEm: number;
  /** Width of a string in ems (advances summed, no kerning). */
  widthEm(text: string): number;
}

/** The start of each table in an OpenType/TrueType file, by tag. */
function tableOffsets(ttf: Buffer): Map<string, number> {
  const tables = new Map<string, number>();
  const numTables = ttf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    tables.set(ttf.toString("latin1", rec, rec + 4), ttf.readUInt32BE(rec + 8));
  }
  return tables;
}

function requireTable(tables: Map<string, number>, tag: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`font has no '${tag}' table`);
  return offset;
}

/** The glyph of each code point, from the Windows Unicode BMP (3,1) format-4 cmap subtable. */
function glyphLookup(ttf: Buffer, cmap: number): (codePoint: number) => number {
  const numSubtables = ttf.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < numSubtables; i++) {
    const rec = cmap + 4 + 8 * i;
    const platform = ttf.readUInt16BE(rec);
    const encoding = ttf.readUInt16BE(rec + 2);
    if ((platform === 3 && encoding === 1) || (platform === 0 && encoding === 3)) sub = cmap + ttf.readUInt32BE(rec + 4);
  }
  if (sub < 0 || ttf.readUInt16BE(sub) !== 4) throw new Error("font has no format-4 Unicode cmap");
  const segCount = ttf.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segCount; i++) {
      if (cp > ttf.readUInt16BE(ends + 2 * i)) continue;
      const start = ttf.readUInt16BE(starts + 2 * i);
      if (cp < start) return 0;
      const delta = ttf.readUInt16BE(deltas + 2 * i);
      const rangeAt = rangeOffsets + 2 * i;
      const rangeOffset = ttf.readUInt16BE(rangeAt);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = ttf.readUInt16BE(rangeAt + rangeOffset + 2 * (cp - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Reads the advance widths of a TrueType font file. */
export function readFontMetrics(ttf: Buffer): FontMetrics {
  const tables = tableOffsets(ttf);
  const unitsPerEm = ttf.readUInt16BE(requireTable(tables, "head") + 18);
  const numberOfHMetrics = ttf.readUInt16BE(requireTable(tables, "hhea") + 34);
  const hmtx = requireTable(tables, "hmtx");
  const glyphOf = glyphLookup(ttf, requireTable(tables, "cmap"));
  const advanceCache = new Map<number, number>();
  const advance = (cp: number): number => {
    let a = advanceCache.get(cp);
    if (a === undefined) {
      // Glyphs past numberOfHMetrics share the last advance (monospaced tail).
      a = ttf.readUInt16BE(hmtx + 4 * Math.min(glyphOf(cp), numberOfHMetrics - 1));
      advanceCache.set(cp, a);
    }
    return a;
  };
  return {
    unitsPerEm,
    widthEm(text) {
      let units = 0;
      for (const ch of text) units += advance(ch.codePointAt(0) ?? 0);
      return units / unitsPerEm;
    },
  };
}

/** The text properties of a vega scenegraph item that decide its width. */
interface TextItem {
  text?: unknown;
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/** vega-scenegraph's replaceable measurer (exported by vega, missing from its typings). */
interface VegaTextMetrics {
  width: (item: TextItem, text?: unknown) => number;
}

/** vega's default font size for text with none, in pixels. */
const VEGA_DEFAULT_FONT_SIZE_PX = 11;

/** Whether vega would draw an item in a bold face (CSS: weight "bold" or 600 and up). */
function isBold(item: TextItem): boolean {
  const w = item.fontWeight;
  return w === "bold" || w === "bolder" || (w !== undefined && Number(w) >= 600);
}

/**
 * Makes vega measure text with the given faces instead of guessing. The width of a text longer
 * than the item's `limit` is the limit: vega truncates it with an ellipsis to fit.
 */
export function installTextMetrics(vega: object, regular: FontMetrics, bold: FontMetrics): void {
  const metrics = (vega as { textMetrics: VegaTextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    const s = text == null ? "" : String(text).trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : VEGA_DEFAULT_FONT_SIZE_PX;
    const width = (isBold(item) ? bold : regular).widthEm(s) * size;
    return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}

/** Reads a font file's metrics from disk. */
export function readFontFile(path: string): FontMetrics {
  return readFontMetrics(readFileSync(path));
}
