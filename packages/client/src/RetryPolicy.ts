/**
 * How a {@link HubClient} waits between attempts: the n-th retry after the last successful
 * connection waits `min(maxDelayMs, firstDelayMs · 2ⁿ)`, shortened by a random part of up to
 * `jitter` of itself so that many clients of a restarted hub do not come back in step.
 */
export interface RetryPolicy {
  /** The wait before the first retry, ms. */
  firstDelayMs: number;
  /** The longest wait, ms. */
  maxDelayMs: number;
  /** The share of each wait drawn at random, in [0, 1]; 0 gives exact doubling. */
  jitter: number;
}

/** 0.5 s, 1 s, 2 s … up to 10 s, each shortened by up to half at random. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = { firstDelayMs: 500, maxDelayMs: 10_000, jitter: 0.5 };
