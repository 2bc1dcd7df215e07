// fio's block sizes: the options bs, bsrange and bssplit (HOWTO "Block size"), and the size of each
// I/O drawn from them (io_u.c get_next_buflen). Sizes are integer bytes, read with kb_base.
//
// Each option takes up to three comma-separated values, for reads, writes and trims (parse.c
// handle_option; options.c str_split_parse for bssplit). A value not followed by a comma also
// applies to the directions after it ("8k,32k" = 8k reads, 32k writes and trims), and an empty value
// leaves that direction at fio's default bs=4096 (",8k" = default reads). Trims are not simulated:
// their value is checked and dropped.
//
// get_next_buflen: equal minimum and maximum give that size without a random number. A range draws
// min + floor(max * u) (max, not max - min: fio's formula), aligns it down to a multiple of min
// unless blocksize_unaligned, and clamps it at max. A split walks its entries in ascending percent
// order and takes the first whose running percent exceeds 100u; the result is then aligned and
// clamped like a range, so a split size that is not a multiple of the smallest one is rounded down.
// fio redraws until the I/O fits in what is left of the file.
//
// Stricter than fio, which lets a bad value through when another one parses: every value must
// parse; bsrange's minimum may not exceed its maximum (fio swaps them); bs may not use fio's
// undocumented ':' or '-' between read and write; bssplit percentages must be whole numbers
// 0..100 (fio: atoi, capped at 100) and may not add up to more than 100.
import { InputError } from "../../lib/input-error.ts";
import { BS_MSG } from "./bs-messages.ts";
import { parseFioInteger } from "./values.ts";

export type BlockSizeSpec =
  | { readonly kind: "fixed"; readonly bytes: number }
  | { readonly kind: "range"; readonly minBytes: number; readonly maxBytes: number }
  | { readonly kind: "split"; readonly entries: readonly { readonly bytes: number; readonly pct: number }[] };

/** Block sizes per direction; trims are not simulated. */
export interface BlockSizes {
  readonly read: BlockSizeSpec;
  readonly write: BlockSizeSpec;
}

/** fio's default block size (options.c "bs": def "4096", bytes whatever kb_base is). */
export const FIO_DEFAULT_BS_BYTES = 4096;
/** fio's limit on bssplit entries per direction (BSSPLIT_MAX). */
export const BSSPLIT_MAX = 64;

const DEFAULT_SPEC: BlockSizeSpec = { kind: "fixed", bytes: FIO_DEFAULT_BS_BYTES };

/** bs=SIZE[,SIZE][,SIZE]: one size per direction. */
export function parseBs(text: string, kbBase: number, where: string): BlockSizes {
  return perDirection("bs", text, where, (field) => {
    if (/.[-:]/.test(field)) throw new InputError(where, BS_MSG.bsNotASize(field));
    return { kind: "fixed", bytes: positiveSize("bs", field, kbBase, where) };
  });
}

/** bsrange=MIN-MAX[,MIN-MAX][,MIN-MAX] (fio also takes MIN:MAX). */
export function parseBsrange(text: string, kbBase: number, where: string): BlockSizes {
  return perDirection("bsrange", text, where, (field) => {
    const m = /^([^-:]+)[-:](.+)$/.exec(field);
    if (m === null) throw new InputError(where, BS_MSG.bsrangeNotARange(field));
    const minBytes = positiveSize("bsrange", m[1] as string, kbBase, where);
    const maxBytes = positiveSize("bsrange", m[2] as string, kbBase, where);
    if (minBytes > maxBytes) throw new InputError(where, BS_MSG.bsrangeMinAboveMax(field, minBytes, maxBytes));
    return { kind: "range", minBytes, maxBytes };
  });
}

/**
 * bssplit=SIZE/PCT:SIZE/PCT...[,...][,...]. Entries without a percent (or with 0, which fio reads
 * as blank) share what the others leave of 100, each getting floor(rest / count) (bssplit_ddir).
 */
export function parseBssplit(text: string, kbBase: number, where: string): BlockSizes {
  return perDirection("bssplit", text, where, (field) => {
    const parts = field.split(":").map((p) => p.trim());
    if (parts.some((p) => p === "")) throw new InputError(where, BS_MSG.bssplitEmptyEntry(field));
    if (parts.length > BSSPLIT_MAX) throw new InputError(where, BS_MSG.bssplitTooMany(field, parts.length, BSSPLIT_MAX));
    const raw = parts.map((entry) => splitEntry(entry, kbBase, where));
    const givenPct = raw.reduce((sum, e) => sum + (e.pct ?? 0), 0);
    if (givenPct > 100) throw new InputError(where, BS_MSG.bssplitOver100(field, givenPct));
    const missing = raw.filter((e) => e.pct === undefined).length;
    const sharePct = raw.length === 1 ? 100 : Math.floor((100 - givenPct) / Math.max(missing, 1));
    return { kind: "split", entries: raw.map((e) => ({ bytes: e.bytes, pct: e.pct ?? sharePct })) };
  });
}

export function minBlockBytes(spec: BlockSizeSpec): number {
  if (spec.kind === "fixed") return spec.bytes;
  if (spec.kind === "range") return spec.minBytes;
  return Math.min(...spec.entries.map((e) => e.bytes));
}

export function maxBlockBytes(spec: BlockSizeSpec): number {
  if (spec.kind === "fixed") return spec.bytes;
  if (spec.kind === "range") return spec.maxBytes;
  return Math.max(...spec.entries.map((e) => e.bytes));
}

/** fio's get_next_buflen for one direction. `rng` returns uniform [0,1). */
export class BlockSizePicker {
  private readonly spec: BlockSizeSpec;
  private readonly rng: () => number;
  private readonly unaligned: boolean;
  private readonly minBytes: number;
  private readonly maxBytes: number;
  /** bssplit entries in fio's lookup order: ascending percent, ties as written (bs_cmp). */
  private readonly walk: readonly { readonly bytes: number; readonly pct: number }[];

  constructor(spec: BlockSizeSpec, rng: () => number, unaligned: boolean) {
    this.spec = spec;
    this.rng = rng;
    this.unaligned = unaligned;
    this.minBytes = minBlockBytes(spec);
    this.maxBytes = maxBlockBytes(spec);
    this.walk = spec.kind === "split" ? [...spec.entries].filter((e) => e.pct > 0).sort((a, b) => a.pct - b.pct) : [];
    if (spec.kind === "split" && this.walk.length === 0 && this.minBytes !== this.maxBytes) {
      throw new RangeError("BlockSizePicker: a bssplit with several sizes needs an entry with a percent above 0");
    }
  }

  /**
   * The next block size; never more than `maxBytes` when given (fio trims the last I/O to what is
   * left), never 0. When even the smallest size does not fit, the I/O is trimmed to `maxBytes`
   * (fio would end the file's I/O there instead).
   */
  next(maxBytes?: number): number {
    if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes >= 1)) {
      throw new RangeError(`BlockSizePicker.next: maxBytes must be a positive integer, got ${maxBytes}`);
    }
    if (this.minBytes === this.maxBytes) return maxBytes === undefined ? this.minBytes : Math.min(this.minBytes, maxBytes);
    if (maxBytes !== undefined && maxBytes < this.minBytes) return maxBytes;
    return this.spec.kind === "split" ? this.nextFromSplit(maxBytes) : this.nextInRange(maxBytes);
  }

  private nextInRange(limit: number | undefined): number {
    const min = this.minBytes;
    const max = this.maxBytes;
    if (limit === undefined || limit >= max) return Math.min(this.align(min + Math.floor(max * this.rng())), max);
    // fio redraws until the size fits. Below max every aligned size (every size, unaligned) is
    // equally likely, so one draw among the sizes that fit gives the same distribution.
    const step = this.unaligned ? 1 : min;
    const count = Math.floor((limit - min) / step) + 1;
    return min + step * Math.floor(this.rng() * count);
  }

  private nextFromSplit(limit: number | undefined): number {
    if (limit !== undefined && !this.splitCanFit(limit)) return limit;
    for (;;) {
      const bytes = this.splitDraw(this.rng(), limit);
      if (limit === undefined || bytes <= limit) return bytes;
    }
  }

  /** One pass of fio's bssplit walk for the uniform `u`, aligned and clamped. */
  private splitDraw(u: number, limit: number | undefined): number {
    let bytes = 0;
    let cumPct = 0;
    for (const e of this.walk) {
      bytes = e.bytes;
      cumPct += e.pct;
      if (u * 100 < cumPct && (limit === undefined || bytes <= limit)) break;
    }
    return Math.min(this.align(bytes), this.maxBytes);
  }

  /** Whether some value of u gives a size that fits (else fio's redraw loop would never end). */
  private splitCanFit(limit: number): boolean {
    let cumPct = 0;
    const slotStarts: number[] = [];
    for (const e of this.walk) {
      slotStarts.push(cumPct);
      cumPct += e.pct;
    }
    if (cumPct < 100) slotStarts.push(cumPct); // past the last entry: fio keeps the last size
    return slotStarts.some((start) => this.splitDraw((start + 0.5) / 100, limit) <= limit);
  }

  private align(bytes: number): number {
    return this.unaligned ? bytes : bytes - (bytes % this.minBytes);
  }
}

/** Applies fio's per-direction rule to "R[,W][,T]"; `parse` reads one non-empty value. */
function perDirection(key: string, text: string, where: string, parse: (field: string) => BlockSizeSpec): BlockSizes {
  const fields = text.split(",").map((f) => f.trim());
  if (fields.length > 3) throw new InputError(where, BS_MSG.tooManyFields(key, text));
  if (fields.every((f) => f === "")) throw new InputError(where, BS_MSG.empty(key));
  const specs = fields.map((f) => (f === "" ? undefined : parse(f)));
  const read = specs[0] ?? DEFAULT_SPEC;
  const write = fields.length === 1 ? read : (specs[1] ?? DEFAULT_SPEC);
  return { read, write };
}

function positiveSize(key: string, text: string, kbBase: number, where: string): number {
  const bytes = parseFioInteger(key, text, kbBase, where);
  if (bytes < 1) throw new InputError(where, BS_MSG.zero(key, text.trim()));
  return bytes;
}

function splitEntry(entry: string, kbBase: number, where: string): { bytes: number; pct: number | undefined } {
  const parts = entry.split("/");
  if (parts.length > 2) throw new InputError(where, BS_MSG.bssplitBadEntry(entry));
  const bytes = positiveSize("bssplit", parts[0] as string, kbBase, where);
  const pctText = (parts[1] ?? "").trim();
  if (pctText === "") return { bytes, pct: undefined };
  if (!/^\d+$/.test(pctText) || Number(pctText) > 100) throw new InputError(where, BS_MSG.bssplitBadPct(entry));
  const pct = Number(pctText);
  return { bytes, pct: pct === 0 ? undefined : pct };
}
