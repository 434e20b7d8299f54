/**
 * A token bucket: `rate` tokens a second, holding at most `burst`. {@link take} spends one token
 * if there is one. Times are in milliseconds from any monotonic clock.
 */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.lastMs = nowMs;
  }

  /** Refills for the time since the last call, then spends a token; false when empty. */
  take(nowMs: number): boolean {
    const elapsed = nowMs - this.lastMs;
    if (elapsed > 0) {
      this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.rate) / 1000);
      this.lastMs = nowMs;
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** True when the bucket would be full at `nowMs`: nothing spent is still owed (it can be forgotten). */
  isFull(nowMs: number): boolean {
    return this.tokens + (Math.max(0, nowMs - this.lastMs) * this.rate) / 1000 >= this.burst;
  }
}

/**
 * Burst allowed above the steady rate: a quarter second's worth (at least two frames), so that
 * frames bunched by network jitter pass while a flood does not.
 */
export function burstForRate(framesPerSecond: number): number {
  const BURST_SECONDS = 0.25;
  const MIN_BURST = 2;
  return Math.max(MIN_BURST, Math.ceil(framesPerSecond * BURST_SECONDS));
}
