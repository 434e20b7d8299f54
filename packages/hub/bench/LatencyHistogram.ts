/** Bin width of {@link LatencyHistogram}: 0.05 ms. */
const BIN_MS = 0.05;
/** Latencies above this go into the last bin (the exact maximum is kept apart). */
const MAX_BINNED_MS = 2000;

/** A fixed-bin latency histogram that processes can merge (percentiles to 0.05 ms). */
export class LatencyHistogram {
  readonly bins = new Uint32Array(Math.ceil(MAX_BINNED_MS / BIN_MS) + 1);
  count = 0;
  max = 0;

  add(ms: number): void {
    const value = ms < 0 ? 0 : ms;
    const bin = Math.min(this.bins.length - 1, Math.floor(value / BIN_MS));
    this.bins[bin]++;
    this.count++;
    if (value > this.max) this.max = value;
  }

  /** Adds another histogram's counts (e.g. from another load-generator process). */
  merge(other: { bins: ArrayLike<number>; count: number; max: number }): void {
    for (let i = 0; i < this.bins.length; i++) this.bins[i] += other.bins[i];
    this.count += other.count;
    this.max = Math.max(this.max, other.max);
  }

  /** The latency below which `p` percent of samples fall (upper edge of its bin). */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.bins.length; i++) {
      seen += this.bins[i];
      if (seen >= rank) return Math.min((i + 1) * BIN_MS, this.max);
    }
    return this.max;
  }

  /** A plain object for IPC. */
  toJSON(): { bins: number[]; count: number; max: number } {
    return { bins: Array.from(this.bins), count: this.count, max: this.max };
  }
}
