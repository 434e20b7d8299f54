import { TokenBucket } from '../relay/TokenBucket.js';
import { isLoopback, limitKey } from './clientAddress.js';

/** Limits per client address (IPv4 address or IPv6 /64); 0 turns a limit off. */
export interface ConnectionLimits {
  /** Open connections at once. */
  maxPerIp: number;
  /** Connection attempts a second, with a burst of {@link ATTEMPT_BURST_SECONDS} seconds' worth. */
  attemptsPerSecond: number;
}

/** The attempt throttle's burst: this many seconds of attempts at once (a page reloading a few times passes). */
export const ATTEMPT_BURST_SECONDS = 4;
/** At most this many addresses' attempt buckets are kept; past it, full ones are forgotten first. */
const MAX_TRACKED_ADDRESSES = 50_000;
/** How often buckets that have refilled (idle addresses) are forgotten. */
const SWEEP_MS = 10_000;

/** Why {@link ConnectionLimiter.admit} refused. */
export const LimitVerdict = { Ok: 'ok', TooManyConnections: 'too-many-connections', TooManyAttempts: 'too-many-attempts' } as const;
export type LimitVerdict = (typeof LimitVerdict)[keyof typeof LimitVerdict];

/**
 * Per-address connection limits, so that one client cannot exhaust a node: a cap on open
 * connections and a token bucket on connection attempts. This machine's own connections
 * (127.0.0.1 and ::1: OBS on the same PC, a local load test, nginx without X-Forwarded-For) are
 * not limited. Memory is bounded: idle addresses are forgotten.
 */
export class ConnectionLimiter {
  private readonly open = new Map<string, number>();
  private readonly attempts = new Map<string, TokenBucket>();
  private readonly sweepTimer: ReturnType<typeof setInterval>;

  constructor(private readonly limits: ConnectionLimits) {
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  /**
   * Counts an attempt from `address` and, when allowed, holds a connection slot for it until
   * `release` is called with the returned key (null: not counted, loopback or limits off).
   */
  admit(address: string): { verdict: LimitVerdict; key: string | null } {
    if (isLoopback(address)) return { verdict: LimitVerdict.Ok, key: null };
    const key = limitKey(address);
    const { maxPerIp, attemptsPerSecond } = this.limits;
    if (attemptsPerSecond > 0) {
      const now = performance.now();
      let bucket = this.attempts.get(key);
      if (!bucket) {
        if (this.attempts.size >= MAX_TRACKED_ADDRESSES) this.sweep();
        bucket = new TokenBucket(attemptsPerSecond, Math.max(1, Math.ceil(attemptsPerSecond * ATTEMPT_BURST_SECONDS)), now);
        this.attempts.set(key, bucket);
      }
      if (!bucket.take(now)) return { verdict: LimitVerdict.TooManyAttempts, key: null };
    }
    if (maxPerIp <= 0) return { verdict: LimitVerdict.Ok, key: null };
    const open = this.open.get(key) ?? 0;
    if (open >= maxPerIp) return { verdict: LimitVerdict.TooManyConnections, key: null };
    this.open.set(key, open + 1);
    return { verdict: LimitVerdict.Ok, key };
  }

  /** Frees the slot {@link admit} held under `key`. */
  release(key: string): void {
    const open = (this.open.get(key) ?? 1) - 1;
    if (open > 0) this.open.set(key, open);
    else this.open.delete(key);
  }

  /** Open connections counted for `address`. */
  openFor(address: string): number {
    return this.open.get(limitKey(address)) ?? 0;
  }

  stop(): void {
    clearInterval(this.sweepTimer);
  }

  private sweep(): void {
    const now = performance.now();
    for (const [key, bucket] of this.attempts) if (bucket.isFull(now)) this.attempts.delete(key);
    // A flood from more addresses than that: forget them all rather than grow.
    if (this.attempts.size >= MAX_TRACKED_ADDRESSES) this.attempts.clear();
  }
}
