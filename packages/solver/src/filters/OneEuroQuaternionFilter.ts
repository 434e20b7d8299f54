import type { Quat } from '@rigcast/protocol';
import { quatAngleBetween, quatCopy, quatDot, quatSlerp } from '../math/quaternion';
import { MIN_FILTER_DT_MS } from './OneEuroFilter';
import { lowPassAlpha, type OneEuroParams } from './OneEuroParams';

/**
 * A One Euro filter for rotations. The speed is the angular velocity (rad/s) between the last
 * output and the new sample; the low-pass step is a slerp, so the output stays a unit quaternion
 * and never takes the long way round. `beta` is per rad/s.
 * @example
 * const f = new OneEuroQuaternionFilter({ minCutoff: 1.5, beta: 4, derivativeCutoff: 2 });
 * f.filter(rawHead, timeMs, face.head);
 */
export class OneEuroQuaternionFilter {
  /** The parameters; change them at any time. */
  readonly params: OneEuroParams;
  private readonly _value: Quat = [0, 0, 0, 1];
  private _speed = 0;
  private _lastTimeMs = 0;
  private _primed = false;

  constructor(params: OneEuroParams) {
    this.params = { ...params };
  }

  /** The filtered angular speed, in rad/s. */
  get speed(): number {
    return this._speed;
  }

  /** Filters the unit quaternion `q` sampled at `timeMs`, writes the result into `out` and returns it. */
  filter(q: Readonly<Quat>, timeMs: number, out: Quat): Quat {
    if (!this._primed) {
      this.prime(q, timeMs);
      return quatCopy(out, this._value);
    }
    const dt = Math.max(MIN_FILTER_DT_MS, timeMs - this._lastTimeMs) / 1000;
    this._lastTimeMs = timeMs;
    const { minCutoff, beta, derivativeCutoff } = this.params;
    const rawSpeed = quatAngleBetween(this._value, q) / dt;
    this._speed += (rawSpeed - this._speed) * lowPassAlpha(derivativeCutoff, dt);
    const alpha = lowPassAlpha(minCutoff + beta * this._speed, dt);
    quatSlerp(this._value, this._value, q, alpha);
    return quatCopy(out, this._value);
  }

  /** Restarts from `q` at `timeMs` with no speed. */
  prime(q: Readonly<Quat>, timeMs: number): void {
    this._primed = true;
    this._lastTimeMs = timeMs;
    this._speed = 0;
    quatCopy(this._value, q);
    if (quatDot(this._value, this._value) === 0) this._value[3] = 1;
  }

  /** Forgets all state: the next sample passes through unfiltered. */
  reset(): void {
    this._primed = false;
  }
}
