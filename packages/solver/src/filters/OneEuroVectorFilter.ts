import { MIN_FILTER_DT_MS } from './OneEuroFilter';
import { lowPassAlpha, type OneEuroParams } from './OneEuroParams';

/**
 * A One Euro filter for a vector of any fixed size. All components share one cutoff, driven by
 * the speed of the whole vector, so a diagonal motion is not smoothed differently per axis.
 * @example
 * const f = new OneEuroVectorFilter(3, params);
 * f.filter(rawXYZ, timeMs, smoothXYZ);
 */
export class OneEuroVectorFilter {
  /** The parameters; change them at any time. */
  readonly params: OneEuroParams;
  /** The number of components. */
  readonly size: number;
  private readonly _value: Float64Array;
  private readonly _speed: Float64Array;
  private _lastTimeMs = 0;
  private _primed = false;

  constructor(size: number, params: OneEuroParams) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`vector size must be a positive integer, got ${size}`);
    this.size = size;
    this.params = { ...params };
    this._value = new Float64Array(size);
    this._speed = new Float64Array(size);
  }

  /** Filters `x` sampled at `timeMs`, writes the smoothed vector into `out` and returns it. */
  filter<T extends { [i: number]: number }>(x: ArrayLike<number>, timeMs: number, out: T): T {
    const n = this.size;
    if (!this._primed) {
      this.prime(x, timeMs);
      for (let i = 0; i < n; i++) out[i] = x[i];
      return out;
    }
    const dt = Math.max(MIN_FILTER_DT_MS, timeMs - this._lastTimeMs) / 1000;
    this._lastTimeMs = timeMs;
    const { minCutoff, beta, derivativeCutoff } = this.params;
    const speedAlpha = lowPassAlpha(derivativeCutoff, dt);
    let speedSquared = 0;
    for (let i = 0; i < n; i++) {
      this._speed[i] += ((x[i] - this._value[i]) / dt - this._speed[i]) * speedAlpha;
      speedSquared += this._speed[i] * this._speed[i];
    }
    const alpha = lowPassAlpha(minCutoff + beta * Math.max(0, Math.sqrt(speedSquared) - (this.params.speedFloor ?? 0)), dt);
    for (let i = 0; i < n; i++) {
      this._value[i] += (x[i] - this._value[i]) * alpha;
      out[i] = this._value[i];
    }
    return out;
  }

  /** Restarts from `x` at `timeMs` with no speed. */
  prime(x: ArrayLike<number>, timeMs: number): void {
    this._primed = true;
    this._lastTimeMs = timeMs;
    for (let i = 0; i < this.size; i++) {
      this._value[i] = x[i];
      this._speed[i] = 0;
    }
  }

  /** Forgets all state: the next sample passes through unfiltered. */
  reset(): void {
    this._primed = false;
  }
}
