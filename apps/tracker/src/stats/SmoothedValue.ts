/**
 * An exponential moving average for HUD figures (ms per frame), so that they are readable.
 * `NaN` until the first sample.
 */
export class SmoothedValue {
  value = Number.NaN;
  private readonly weight: number;

  /** @param weight how much each new sample counts, in (0, 1]. */
  constructor(weight = 0.1) {
    this.weight = weight;
  }

  /** Adds a sample and returns the new average. */
  add(sample: number): number {
    this.value = Number.isNaN(this.value) ? sample : this.value + (sample - this.value) * this.weight;
    return this.value;
  }

  reset(): void {
    this.value = Number.NaN;
  }
}
