import type { Quat } from '@rigcast/protocol';
import { quatCopy, quatDot, quatSlerp } from '@rigcast/math';
import { MIN_FILTER_DT_MS } from './OneEuroFilter';
import { lowPassAlpha, type OneEuroParams } from './OneEuroParams';

/**
 * A One Euro filter for rotations. The speed is the magnitude of the angular-velocity vector
 * (rad/s) from the last output to the new sample, low-passed as a vector so that jitter in
 * random directions averages out instead of reading as motion; the low-pass step is a slerp, so
 * the output stays a unit quaternion and never takes the long way round. `beta` is per rad/s.
 * @example
 * const f = new OneEuroQuaternionFilter({ minCutoff: 1.5, beta: 4, derivativeCutoff: 2 });
 * f.filter(rawHead, timeMs, face.head);
 */
export class OneEuroQuaternionFilter {
  /** The parameters; change them at any time. */
  readonly params: OneEuroParams;
  private readonly _value: Quat = [0, 0, 0, 1];
  private readonly _omega = new Float64Array(3);
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
    // Angular velocity of r = conj(value) · q as a rotation vector per second.
    const v = this._value;
    const vx = -v[0], vy = -v[1], vz = -v[2], vw = v[3];
    let rx = vw * q[0] + vx * q[3] + vy * q[2] - vz * q[1];
    let ry = vw * q[1] - vx * q[2] + vy * q[3] + vz * q[0];
    let rz = vw * q[2] + vx * q[1] - vy * q[0] + vz * q[3];
    const rw = vw * q[3] - vx * q[0] - vy * q[1] - vz * q[2];
    if (rw < 0) {
      rx = -rx; ry = -ry; rz = -rz;
    }
    const sinHalf = Math.sqrt(rx * rx + ry * ry + rz * rz);
    const angle = 2 * Math.atan2(sinHalf, Math.abs(rw));
    const scale = sinHalf > 1e-12 ? angle / sinHalf / dt : 2 / dt;
    const speedAlpha = lowPassAlpha(derivativeCutoff, dt);
    const omega = this._omega;
    omega[0] += (rx * scale - omega[0]) * speedAlpha;
    omega[1] += (ry * scale - omega[1]) * speedAlpha;
    omega[2] += (rz * scale - omega[2]) * speedAlpha;
    this._speed = Math.sqrt(omega[0] * omega[0] + omega[1] * omega[1] + omega[2] * omega[2]);
    const alpha = lowPassAlpha(minCutoff + beta * Math.max(0, this._speed - (this.params.speedFloor ?? 0)), dt);
    quatSlerp(this._value, this._value, q, alpha);
    return quatCopy(out, this._value);
  }

  /** Restarts from `q` at `timeMs` with no speed. */
  prime(q: Readonly<Quat>, timeMs: number): void {
    this._primed = true;
    this._lastTimeMs = timeMs;
    this._speed = 0;
    this._omega.fill(0);
    quatCopy(this._value, q);
    if (quatDot(this._value, this._value) === 0) this._value[3] = 1;
  }

  /** Forgets all state: the next sample passes through unfiltered. */
  reset(): void {
    this._primed = false;
  }
}
