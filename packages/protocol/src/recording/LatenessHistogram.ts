/** Width of one bin, ms. */
const BIN_MS = 0.1;
/** Lateness below this (early) falls in the first bin, ms. */
const LOW_MS = -1;

/**
 * Counts how late things happened, in 0.1 ms bins from −1 ms up to a ceiling, so quantiles cost
 * fixed memory however long a replay loops. Values past either end count in the end bins.
 */
export class LatenessHistogram {
  private readonly bins: Uint32Array;
  private total = 0;

  constructor(ceilingMs: number) {
    this.bins = new Uint32Array(Math.ceil((ceilingMs - LOW_MS) / BIN_MS) + 1);
  }

  /** How many values were added. */
  get count(): number {
    return this.total;
  }

  /** Counts one lateness, ms. */
  add(ms: number): void {
    const bin = Math.round((ms - LOW_MS) / BIN_MS);
    this.bins[bin < 0 ? 0 : bin >= this.bins.length ? this.bins.length - 1 : bin]++;
    this.total++;
  }

  /** The q-quantile (0.99 for p99), ms, to the nearest bin; NaN when empty. */
  quantile(q: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.min(this.total, Math.max(1, Math.ceil(q * this.total)));
    let seen = 0;
    for (let bin = 0; bin < this.bins.length; bin++) {
      seen += this.bins[bin];
      if (seen >= rank) return LOW_MS + bin * BIN_MS;
    }
    return LOW_MS + (this.bins.length - 1) * BIN_MS;
  }
}
