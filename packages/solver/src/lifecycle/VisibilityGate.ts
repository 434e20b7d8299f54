/** Options of {@link VisibilityGate}. */
export interface VisibilityGateOptions {
  /** A score at or above this counts as seen (once held for {@link enterAfterMs}). */
  enterAbove: number;
  /** A score below this counts as unseen at once. Below {@link enterAbove}: the gap is the hysteresis. */
  exitBelow: number;
  /** How long the score must stay at or above `enterAbove` before the gate opens, in ms (0 = at once). */
  enterAfterMs?: number;
}

/**
 * Decides, frame by frame, whether a part is seen from a noisy score (MediaPipe's landmark
 * `visibility`, a hand's presence) with hysteresis: the gate opens when the score has stayed at
 * or above `enterAbove` for `enterAfterMs`, and closes only when it falls below `exitBelow`, so
 * a score hovering near one threshold does not flicker the part in and out.
 * @example
 * const knees = new VisibilityGate({ enterAbove: 0.7, exitBelow: 0.4, enterAfterMs: 500 });
 * if (knees.update(Math.min(leftKnee.visibility, rightKnee.visibility), now)) solveLegs();
 */
export class VisibilityGate {
  readonly options: Readonly<Required<VisibilityGateOptions>>;
  private _open = false;
  private _aboveSinceMs = Number.NaN;

  constructor(options: VisibilityGateOptions) {
    const { enterAbove, exitBelow, enterAfterMs = 0 } = options;
    if (!(exitBelow <= enterAbove) || !(enterAfterMs >= 0)) {
      throw new RangeError(`VisibilityGate: need exitBelow ≤ enterAbove and enterAfterMs ≥ 0, got ${JSON.stringify(options)}`);
    }
    this.options = { enterAbove, exitBelow, enterAfterMs };
  }

  /** True while the part counts as seen. */
  get open(): boolean {
    return this._open;
  }

  /** Feeds the score at `timeMs` (a non-finite score counts as 0) and returns {@link open}. */
  update(score: number, timeMs: number): boolean {
    const s = Number.isFinite(score) ? score : 0;
    const { enterAbove, exitBelow, enterAfterMs } = this.options;
    if (s >= enterAbove) {
      if (Number.isNaN(this._aboveSinceMs)) this._aboveSinceMs = timeMs;
    } else {
      this._aboveSinceMs = Number.NaN;
    }
    if (this._open) {
      if (s < exitBelow) this._open = false;
    } else if (!Number.isNaN(this._aboveSinceMs) && timeMs - this._aboveSinceMs >= enterAfterMs) {
      this._open = true;
    }
    return this._open;
  }

  /** Closes the gate and forgets the score's history. */
  reset(): void {
    this._open = false;
    this._aboveSinceMs = Number.NaN;
  }
}
