/**
 * Events per second over a sliding time window, from a ring of timestamps. Allocates nothing
 * after construction.
 * @example
 * const fps = new RateMeter(); fps.tick(performance.now()); fps.rate(performance.now());
 */
export class RateMeter {
  private readonly times: Float64Array;
  private readonly windowMs: number;
  private next = 0;
  private count = 0;

  /** @param windowMs how far back to count; @param capacity the most events kept (≥ rate × window). */
  constructor(windowMs = 1000, capacity = 256) {
    this.windowMs = windowMs;
    this.times = new Float64Array(capacity);
  }

  /** Records one event at `nowMs`. */
  tick(nowMs: number): void {
    this.times[this.next] = nowMs;
    this.next = (this.next + 1) % this.times.length;
    if (this.count < this.times.length) this.count++;
  }

  /** Events per second in the window that ends at `nowMs`; it decays to 0 once events stop. */
  rate(nowMs: number): number {
    const since = nowMs - this.windowMs;
    let inWindow = 0;
    let oldest = nowMs;
    for (let i = 0; i < this.count; i++) {
      const time = this.times[(this.next - 1 - i + this.times.length) % this.times.length];
      if (time <= since) break;
      inWindow++;
      oldest = time;
    }
    // Intervals over the time they span up to now: exact for a steady stream, with no rounding to whole events.
    return inWindow > 1 && nowMs > oldest ? ((inWindow - 1) * 1000) / (nowMs - oldest) : 0;
  }

  /** Forgets every event. */
  reset(): void {
    this.count = 0;
    this.next = 0;
  }
}
