// Latency samples of one kind of operation and their summary: the statistics fio reports (min, max,
// mean, standard deviation, and percentiles at fio's default list). Percentiles are exact
// nearest-rank values over all samples; fio estimates them from histogram buckets, so its figures
// can differ from the true order statistics by up to a bucket's width (about 1.5 %).

/** fio's default percentile_list (stat.c def_percentile_list). */
export const FIO_PERCENTILES = [1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99, 99.5, 99.9, 99.95, 99.99] as const;

export interface LatencySummary {
  readonly count: number;
  readonly minNs: number;
  readonly meanNs: number;
  /** Sample standard deviation (divided by n - 1, as fio does). */
  readonly stddevNs: number;
  readonly p50Ns: number;
  readonly p99Ns: number;
  readonly maxNs: number;
  /** The values at FIO_PERCENTILES, in that order. */
  readonly percentilesNs: readonly number[];
}

const EMPTY: LatencySummary = { count: 0, minNs: 0, meanNs: 0, stddevNs: 0, p50Ns: 0, p99Ns: 0, maxNs: 0, percentilesNs: FIO_PERCENTILES.map(() => 0) };

export class LatencyRecorder {
  private readonly samples: number[] = [];
  private totalNs = 0;

  record(ns: number): void {
    this.samples.push(ns);
    this.totalNs += ns;
  }

  get count(): number {
    return this.samples.length;
  }

  /** Every sample in recording order (for merging recorders). */
  values(): readonly number[] {
    return this.samples;
  }

  summary(): LatencySummary {
    return summarize(this.samples, this.totalNs);
  }
}

/** The summary of several recorders' samples together (fio's group_reporting). */
export function mergedSummary(recorders: readonly LatencyRecorder[]): LatencySummary {
  const all: number[] = [];
  let total = 0;
  for (const r of recorders) {
    for (const v of r.values()) {
      all.push(v);
      total += v;
    }
  }
  return summarize(all, total);
}

function summarize(samples: readonly number[], totalNs: number): LatencySummary {
  const n = samples.length;
  if (n === 0) return EMPTY;
  const sorted = Float64Array.from(samples).sort();
  const rank = (p: number): number => sorted[Math.max(0, Math.ceil((p / 100) * n) - 1)] as number;
  const meanNs = totalNs / n;
  let squares = 0;
  for (const v of samples) squares += (v - meanNs) ** 2;
  return {
    count: n,
    minNs: sorted[0] as number,
    meanNs,
    stddevNs: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    p50Ns: rank(50),
    p99Ns: rank(99),
    maxNs: sorted[n - 1] as number,
    percentilesNs: FIO_PERCENTILES.map(rank),
  };
}
