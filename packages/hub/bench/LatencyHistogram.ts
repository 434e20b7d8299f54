/** Fine bins (0.05 ms) up to {@link FINE_LIMIT_MS}, then coarse bins (1 ms) up to {@link MAX_BINNED_MS}. */
const FINE_BIN_MS = 0.05;
const FINE_LIMIT_MS = 100;
const COARSE_BIN_MS = 1;
/** Latencies above this share the last bin (the exact maximum is kept apart). */
const MAX_BINNED_MS = 60_000;
const FINE_BINS = Math.round(FINE_LIMIT_MS / FINE_BIN_MS);
const BIN_COUNT = FINE_BINS + Math.ceil((MAX_BINNED_MS - FINE_LIMIT_MS) / COARSE_BIN_MS) + 1;

function binOf(ms: number): number {
  if (ms < FINE_LIMIT_MS) return Math.floor(ms / FINE_BIN_MS);
  return Math.min(BIN_COUNT - 1, FINE_BINS + Math.floor((ms - FINE_LIMIT_MS) / COARSE_BIN_MS));
}

function upperEdgeOf(bin: number): number {
  return bin < FINE_BINS ? (bin + 1) * FINE_BIN_MS : FINE_LIMIT_MS + (bin - FINE_BINS + 1) * COARSE_BIN_MS;
}

/** A latency histogram that processes can merge: percentiles to 0.05 ms below 100 ms, 1 ms above. */
export class LatencyHistogram {
  readonly bins = new Uint32Array(BIN_COUNT);
  count = 0;
  max = 0;

  add(ms: number): void {
    const value = ms < 0 ? 0 : ms;
    this.bins[binOf(value)]++;
    this.count++;
    if (value > this.max) this.max = value;
  }

  /** The latency below which `p` percent of samples fall (upper edge of its bin, at most the max). */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.bins.length; i++) {
      seen += this.bins[i];
      if (seen >= rank) return Math.min(upperEdgeOf(i), this.max);
    }
    return this.max;
  }

  /** A compact plain object for IPC: only the non-empty bins. */
  toJSON(): { bins: Record<number, number>; count: number; max: number } {
    const bins: Record<number, number> = {};
    this.bins.forEach((n, i) => {
      if (n) bins[i] = n;
    });
    return { bins, count: this.count, max: this.max };
  }

  /** Adds a histogram received as {@link toJSON} output. */
  mergeJSON(other: { bins: Record<number, number>; count: number; max: number }): void {
    for (const [bin, n] of Object.entries(other.bins)) this.bins[Number(bin)] += n;
    this.count += other.count;
    this.max = Math.max(this.max, other.max);
  }
}
