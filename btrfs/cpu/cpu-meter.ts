// Counting CPU work as it happens: model code charges named costs synchronously (a btree search,
// a block COW, an item copy) and the process that did the work later spends the accumulated time
// with one timeout. Totals per kind are kept for the reports.
import type { ParamValues } from "../../lib/params/index.ts";
import type { CPU_PARAMS } from "./cpu-params.ts";

export type CpuParams = ParamValues<typeof CPU_PARAMS>;

/** The per-unit costs that can be charged (the table's `...Us` entries). */
export type CpuKind =
  | "writeSyscall"
  | "readPage"
  | "fsyncFixed"
  | "btreeSearchLevel"
  | "blockCow"
  | "itemInsert"
  | "itemDelete"
  | "csumLookup"
  | "dataCsum"
  | "orderedCompletion"
  | "extentMapOp"
  | "delayedRef"
  | "commitFixed";

export const CPU_KINDS: readonly CpuKind[] = [
  "writeSyscall", "readPage", "fsyncFixed", "btreeSearchLevel", "blockCow", "itemInsert", "itemDelete",
  "csumLookup", "dataCsum", "orderedCompletion", "extentMapOp", "delayedRef", "commitFixed",
];

export class CpuMeter {
  readonly params: CpuParams;
  /**
   * Per kind, the unit cost (ns) and the operations counted over the whole run. A Map of small
   * records: charge() runs millions of times a run, and a Map lookup by kind is several times
   * cheaper than a property lookup by a varying key (simulator speed only).
   */
  private readonly slots: ReadonlyMap<CpuKind, { readonly costNs: number; count: number }>;
  private pendingNs = 0;

  constructor(params: CpuParams) {
    this.params = params;
    this.slots = new Map(CPU_KINDS.map((k) => [k, { costNs: unitCostUs(params, k) * 1e3, count: 0 }]));
  }

  /** Operations counted per kind over the whole run. */
  get counts(): Record<CpuKind, number> {
    return Object.fromEntries(CPU_KINDS.map((k) => [k, this.slot(k).count])) as Record<CpuKind, number>;
  }

  /** Adds `count` units of `kind` to the work not yet spent. */
  charge(kind: CpuKind, count = 1): void {
    const slot = this.slot(kind);
    slot.count += count;
    this.pendingNs += slot.costNs * count;
  }

  /**
   * charge(kind, count) `times` times over: the same additions in the same order (the total is a
   * float sum, rounded when taken), with one lookup of the kind.
   */
  chargeEach(kind: CpuKind, count: number, times: number): void {
    const slot = this.slot(kind);
    for (let t = 0; t < times; t++) {
      slot.count += count;
      this.pendingNs += slot.costNs * count;
    }
  }

  private slot(kind: CpuKind): { readonly costNs: number; count: number } {
    return this.slots.get(kind) as { readonly costNs: number; count: number };
  }

  /** The accumulated time (integer ns), which the caller now spends; resets it. */
  take(): number {
    const ns = Math.round(this.pendingNs);
    this.pendingNs = 0;
    return ns;
  }

  /** The cost of one unit of `kind`, µs, as charged (scaled). */
  unitUs(kind: CpuKind): number {
    return unitCostUs(this.params, kind);
  }

  /** One jiffy, ns. */
  get jiffyNs(): number {
    return Math.round(1e9 / this.params.hz);
  }
}

/** A kind's cost per unit in µs: the table value, times costScaleRatio for all but the fixed fsync cost. */
function unitCostUs(params: CpuParams, kind: CpuKind): number {
  const base = params[`${kind}Us`] as number;
  return kind === "fsyncFixed" ? base : base * params.costScaleRatio;
}
