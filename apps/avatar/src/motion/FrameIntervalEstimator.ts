/** Shortest interval the estimate can fall to (240 Hz), in ms. */
export const MIN_FRAME_INTERVAL_MS = 1000 / 240;

/** Longest interval still treated as streaming (10 Hz), in ms. */
export const MAX_FRAME_INTERVAL_MS = 100;

/** The estimate before any interval has been measured (30 Hz), in ms. */
export const INITIAL_FRAME_INTERVAL_MS = 1000 / 30;

/** How quickly the estimate follows new intervals (exponential moving average weight). */
export const INTERVAL_SMOOTHING = 0.1;

/**
 * Gaps longer than this are pauses in the stream, not its rate, and are left out, in ms.
 */
export const STREAM_GAP_MS = 250;

/**
 * Estimates the publisher's frame interval from arrival times, so that interpolation adds one
 * interval of delay whatever the tracker's rate. Jittery arrivals are smoothed; pauses ignored.
 */
export class FrameIntervalEstimator {
  private last = -1;
  private estimate = INITIAL_FRAME_INTERVAL_MS;

  /** The current estimate in ms, within [{@link MIN_FRAME_INTERVAL_MS}, {@link MAX_FRAME_INTERVAL_MS}]. */
  get intervalMs(): number {
    return this.estimate;
  }

  /** Records a frame arriving at `nowMs`. */
  add(nowMs: number): void {
    const previous = this.last;
    this.last = nowMs;
    if (previous < 0) return;
    const interval = nowMs - previous;
    if (interval <= 0 || interval > STREAM_GAP_MS) return;
    const next = this.estimate + (interval - this.estimate) * INTERVAL_SMOOTHING;
    this.estimate = Math.min(MAX_FRAME_INTERVAL_MS, Math.max(MIN_FRAME_INTERVAL_MS, next));
  }
}
