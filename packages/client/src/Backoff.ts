import type { RetryPolicy } from './RetryPolicy';

/**
 * The delays of a {@link RetryPolicy}: each {@link Backoff.next} doubles the base up to the cap;
 * {@link Backoff.reset} starts over.
 * @example
 * const backoff = new Backoff({ firstDelayMs: 500, maxDelayMs: 10_000, jitter: 0 });
 * backoff.next(); // 500
 * backoff.next(); // 1000
 */
export class Backoff {
  private attempts = 0;

  constructor(private readonly policy: RetryPolicy) {
    const { firstDelayMs, maxDelayMs, jitter } = policy;
    if (!(firstDelayMs > 0) || !(maxDelayMs >= firstDelayMs)) {
      throw new RangeError(`RetryPolicy: need 0 < firstDelayMs ≤ maxDelayMs, got ${firstDelayMs} and ${maxDelayMs}`);
    }
    if (!(jitter >= 0 && jitter <= 1)) throw new RangeError(`RetryPolicy: jitter must be in [0, 1], got ${jitter}`);
  }

  /** The wait before the next attempt, ms. */
  next(): number {
    const { firstDelayMs, maxDelayMs, jitter } = this.policy;
    // Past the cap the exponent no longer matters; stop it growing without bound.
    const base = Math.min(maxDelayMs, firstDelayMs * 2 ** this.attempts);
    if (base < maxDelayMs) this.attempts++;
    return base * (1 - jitter * Math.random());
  }

  /** Starts over from the first delay (after a successful connection). */
  reset(): void {
    this.attempts = 0;
  }
}
