import { MIN_FILTER_DT_MS } from './OneEuroFilter';
import type { OneEuroParams } from './OneEuroParams';

const TWO_PI = 2 * Math.PI;

/**
 * Many independent scalar One Euro filters sampled together (e.g. the 52 blendshapes), each with
 * its own parameters, held in flat typed arrays: one call filters every channel, with no
 * per-channel objects or return values.
 * @example
 * const bank = new OneEuroFilterBank([mouthParams, browParams]);
 * bank.filter(rawScores, timeMs, smoothScores);
 */
export class OneEuroFilterBank {
  /** The number of channels. */
  readonly size: number;
  private readonly _minCutoff: Float64Array;
  private readonly _beta: Float64Array;
  private readonly _derivativeCutoff: Float64Array;
  private readonly _speedFloor: Float64Array;
  private readonly _value: Float64Array;
  private readonly _speed: Float64Array;
  private _lastTimeMs = 0;
  private _primed = false;

  /** One parameter set per channel. */
  constructor(params: readonly Readonly<OneEuroParams>[]) {
    this.size = params.length;
    this._minCutoff = new Float64Array(this.size);
    this._beta = new Float64Array(this.size);
    this._derivativeCutoff = new Float64Array(this.size);
    this._speedFloor = new Float64Array(this.size);
    this._value = new Float64Array(this.size);
    this._speed = new Float64Array(this.size);
    params.forEach((p, i) => this.setParams(i, p));
  }

  /** Replaces the parameters of one channel. */
  setParams(channel: number, params: Readonly<OneEuroParams>): void {
    if (!(channel >= 0 && channel < this.size)) throw new RangeError(`channel ${channel} is outside 0…${this.size - 1}`);
    this._minCutoff[channel] = params.minCutoff;
    this._beta[channel] = params.beta;
    this._derivativeCutoff[channel] = params.derivativeCutoff;
    this._speedFloor[channel] = params.speedFloor ?? 0;
  }

  /** Filters `x` (one value per channel) sampled at `timeMs` into `out`. `out` may be `x`. */
  filter(x: ArrayLike<number>, timeMs: number, out: Float64Array): Float64Array {
    const n = this.size;
    const value = this._value;
    const speed = this._speed;
    if (!this._primed) {
      this._primed = true;
      this._lastTimeMs = timeMs;
      for (let i = 0; i < n; i++) {
        value[i] = x[i];
        speed[i] = 0;
        out[i] = x[i];
      }
      return out;
    }
    const dt = Math.max(MIN_FILTER_DT_MS, timeMs - this._lastTimeMs) / 1000;
    this._lastTimeMs = timeMs;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      // lowPassAlpha, written out: α = dt / (dt + τ), τ = 1 / (2π·cutoff).
      const speedTau = 1 / (TWO_PI * this._derivativeCutoff[i]);
      speed[i] += ((xi - value[i]) / dt - speed[i]) * (dt / (dt + speedTau));
      const moving = Math.max(0, Math.abs(speed[i]) - this._speedFloor[i]);
      const tau = 1 / (TWO_PI * (this._minCutoff[i] + this._beta[i] * moving));
      value[i] += (xi - value[i]) * (dt / (dt + tau));
      out[i] = value[i];
    }
    return out;
  }

  /** Forgets all state: the next sample passes through unfiltered. */
  reset(): void {
    this._primed = false;
  }
}
