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

/**
 * 0.5 s, 1 s, then 2 s at most, each shortened by up to half at random. The cap keeps a client
 * of a restarted hub within about 2 s of it listening again, however long it was down (with a
 * 10 s cap, a hub down for 2 s was found again up to 4 s later; the restart test measured 2.1 s).
 * A dead hub costs each client an attempt every 1–2 s: a refused TCP connection, or nginx's 502.
 */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = { firstDelayMs: 500, maxDelayMs: 2000, jitter: 0.5 };
