import { lowPassAlpha, type OneEuroParams } from './OneEuroParams';

/** Time steps shorter than this (ms) are treated as this, so equal timestamps cannot divide by 0. */
export const MIN_FILTER_DT_MS = 1;

/**
 * A One Euro filter for one scalar channel.
 * @example
 * const f = new OneEuroFilter({ minCutoff: 1, beta: 0.5, derivativeCutoff: 1 });
 * const smooth = f.filter(raw, timeMs);
 */
export class OneEuroFilter {
  /** The parameters; change them at any time. */
  readonly params: OneEuroParams;
  /** When set to false, {@link filter} passes values straight through (still tracking state). */
  enabled = true;
  private _value = 0;
  private _speed = 0;
  private _lastTimeMs = 0;
  private _primed = false;

  constructor(params: OneEuroParams) {
    this.params = { ...params };
  }

  /** The last output. */
  get value(): number {
    return this._value;
  }

  /** The filtered speed, in units per second. */
  get speed(): number {
    return this._speed;
  }

  /** Filters `x` sampled at `timeMs` and returns the smoothed value. */
  filter(x: number, timeMs: number): number {
    if (!this._primed) {
      this._primed = true;
      this._value = x;
      this._speed = 0;
      this._lastTimeMs = timeMs;
      return x;
    }
    const dt = Math.max(MIN_FILTER_DT_MS, timeMs - this._lastTimeMs) / 1000;
    this._lastTimeMs = timeMs;
    const { minCutoff, beta, derivativeCutoff } = this.params;
    const rawSpeed = (x - this._value) / dt;
    this._speed += (rawSpeed - this._speed) * lowPassAlpha(derivativeCutoff, dt);
    if (!this.enabled) {
      this._value = x;
      return x;
    }
    const cutoff = minCutoff + beta * Math.max(0, Math.abs(this._speed) - (this.params.speedFloor ?? 0));
    this._value += (x - this._value) * lowPassAlpha(cutoff, dt);
    return this._value;
  }

  /** Restarts from `x` at `timeMs` with no speed: the next output continues from there without a jump. */
  prime(x: number, timeMs: number): void {
    this._primed = true;
    this._value = x;
    this._speed = 0;
    this._lastTimeMs = timeMs;
  }

  /** Forgets all state: the next sample passes through unfiltered. */
  reset(): void {
    this._primed = false;
    this._value = 0;
    this._speed = 0;
  }
}
