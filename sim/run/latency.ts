// Latency samples of one kind of operation and their summary. Percentiles are exact nearest-rank
// values over all samples (fio reports histogram-bucket estimates; ours are the true order stats).

export interface LatencySummary {
  readonly count: number;
  readonly minNs: number;
  readonly meanNs: number;
  readonly p50Ns: number;
  readonly p99Ns: number;
  readonly maxNs: number;
}

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

  summary(): LatencySummary {
    const n = this.samples.length;
    if (n === 0) return { count: 0, minNs: 0, meanNs: 0, p50Ns: 0, p99Ns: 0, maxNs: 0 };
    const sorted = Float64Array.from(this.samples).sort();
    const rank = (p: number): number => sorted[Math.max(0, Math.ceil((p / 100) * n) - 1)] as number;
    return {
      count: n,
      minNs: sorted[0] as number,
      meanNs: this.totalNs / n,
      p50Ns: rank(50),
      p99Ns: rank(99),
      maxNs: sorted[n - 1] as number,
    };
  }
}
