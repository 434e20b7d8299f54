import { quatCopy, quatDot, type QuatIn, type QuatOut } from '@rigcast/math';
import { MIN_FILTER_DT_MS } from './OneEuroFilter';
import type { OneEuroParams } from './OneEuroParams';

const TWO_PI = 2 * Math.PI;

/**
 * A One Euro filter for rotations. The speed is the magnitude of the angular-velocity vector
 * (rad/s) from the last output to the new sample, low-passed as a vector so that jitter in
 * random directions averages out instead of reading as motion; the low-pass step is a slerp
 * (taken as value · (value⁻¹ · sample)^α), so the output stays a unit quaternion and never takes
 * the long way round. `beta` is per rad/s.
 * @example
 * const f = new OneEuroQuaternionFilter({ minCutoff: 1.5, beta: 4, derivativeCutoff: 2 });
 * f.filter(rawHead, timeMs, face.head);
 */
export class OneEuroQuaternionFilter {
  /** The parameters; change them at any time. */
  readonly params: OneEuroParams;
  // A typed array: the shared quaternion math then sees one kind of array here, whoever calls.
  private readonly _value = Float64Array.of(0, 0, 0, 1);
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
  filter<T extends QuatOut>(q: QuatIn, timeMs: number, out: T): T {
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
    // lowPassAlpha, written out (α = dt / (dt + τ), τ = 1 / (2π·cutoff)): in a filter that runs for
    // every bone, a number passed to or returned from a call V8 does not inline gets boxed.
    const speedAlpha = dt / (dt + 1 / (TWO_PI * derivativeCutoff));
    const omega = this._omega;
    omega[0] += (rx * scale - omega[0]) * speedAlpha;
    omega[1] += (ry * scale - omega[1]) * speedAlpha;
    omega[2] += (rz * scale - omega[2]) * speedAlpha;
    const speed = Math.sqrt(omega[0] * omega[0] + omega[1] * omega[1] + omega[2] * omega[2]);
    this._speed = speed;
    const cutoff = minCutoff + beta * Math.max(0, speed - (this.params.speedFloor ?? 0));
    const alpha = dt / (dt + 1 / (TWO_PI * cutoff));
    // The slerp from value to q by α, as value · r^α: r's axis and angle are at hand already.
    // Written out rather than through the shared helpers: the face, body and hand solvers call
    // this with different kinds of arrays, and a helper that sees them all is not inlined and
    // boxes the numbers it passes.
    let sx: number, sy: number, sz: number, sw: number;
    if (sinHalf > 1e-12) {
      const s = Math.sin((alpha * angle) / 2) / sinHalf;
      sx = rx * s; sy = ry * s; sz = rz * s; sw = Math.cos((alpha * angle) / 2);
    } else {
      sx = rx * alpha; sy = ry * alpha; sz = rz * alpha; sw = 1;
    }
    const ax = v[0], ay = v[1], az = v[2], aw = v[3];
    let x = aw * sx + ax * sw + ay * sz - az * sy;
    let y = aw * sy - ax * sz + ay * sw + az * sx;
    let z = aw * sz + ax * sy - ay * sx + az * sw;
    let w = aw * sw - ax * sx - ay * sy - az * sz;
    const length = Math.sqrt(x * x + y * y + z * z + w * w);
    x /= length; y /= length; z /= length; w /= length;
    v[0] = x; v[1] = y; v[2] = z; v[3] = w;
    out[0] = x; out[1] = y; out[2] = z; out[3] = w;
    return out;
  }

  /** Restarts from `q` at `timeMs` with no speed. */
  prime(q: QuatIn, timeMs: number): void {
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
