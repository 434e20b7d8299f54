import kalmanFilter from 'kalman-filter';
import { MIN_FILTER_DT_MS } from './OneEuroFilter';

const { KalmanFilter, State } = kalmanFilter;

/** Parameters of {@link KalmanPositionFilter}. */
export interface KalmanPositionParams {
  /** Standard deviation of the measurement noise, in the signal's units (e.g. metres). */
  measurementNoise: number;
  /** Standard deviation of the unmodelled acceleration, in units/s². Higher follows faster. */
  accelerationNoise: number;
}

/** Longest time step (ms) the filter models; longer gaps are treated as this. */
const MAX_DT_MS = 250;
const AXES_PER_STATE = 2; // position, velocity
const HUGE_VARIANCE = 1e8;
const ASYMPTOTIC_ITERATIONS = 10_000;
const ASYMPTOTIC_TOLERANCE = 1e-10;

/**
 * The steady-state Kalman gain `[position, velocity]` of a 1-D constant-velocity model with
 * white-noise acceleration, computed by `kalman-filter` from its own model. Works in units of the
 * measurement noise so that the library's convergence tolerance is meaningful.
 */
function steadyStateGain(dtSeconds: number, params: KalmanPositionParams): [number, number] {
  const dt = dtSeconds;
  const q = (params.accelerationNoise / params.measurementNoise) ** 2;
  const kf = new KalmanFilter({
    observation: { dimension: 1, stateProjection: [[1, 0]], covariance: [[1]] },
    dynamic: {
      dimension: AXES_PER_STATE,
      transition: [[1, dt], [0, 1]],
      covariance: [
        [(q * dt ** 4) / 4, (q * dt ** 3) / 2],
        [(q * dt ** 3) / 2, q * dt ** 2],
      ],
      init: { mean: [[0], [0]], covariance: [[HUGE_VARIANCE, 0], [0, HUGE_VARIANCE]] },
    },
  });
  const corrected = kf.asymptoticStateCovariance({ limitIterations: ASYMPTOTIC_ITERATIONS, tolerance: ASYMPTOTIC_TOLERANCE });
  const zero = [[0], [0]];
  const predicted = new State({ mean: zero, covariance: kf.getPredictedCovariance({ previousCorrected: new State({ mean: zero, covariance: corrected }) }) });
  const gain = kf.getGain({ predicted });
  return [gain[0][0], gain[1][0]];
}

/**
 * A constant-velocity Kalman filter for a 3-D position (one independent model per axis).
 *
 * The model, its covariances and the steady-state gain come from the `kalman-filter` package.
 * That package allocates matrices on every `predict`/`correct`, so the per-frame step here runs
 * the same equations with the converged gain (a steady-state Kalman filter), which allocates
 * nothing. Gains are computed once per distinct time step (rounded to 1 ms) and cached.
 * @example
 * const f = new KalmanPositionFilter({ measurementNoise: 0.002, accelerationNoise: 2 });
 * f.filter(rawPosition, timeMs, face.headPosition);
 */
export class KalmanPositionFilter {
  /** When false, {@link filter} passes measurements straight through (and tracks them). */
  enabled = true;
  private _params: KalmanPositionParams;
  /** Gains per whole-millisecond time step: `[k0, k1]` at `2·dt`, NaN until computed. */
  private readonly _gains = new Float64Array((MAX_DT_MS + 1) * 2).fill(Number.NaN);
  private readonly _position = new Float64Array(3);
  private readonly _velocity = new Float64Array(3);
  private _lastTimeMs = 0;
  private _primed = false;

  constructor(params: KalmanPositionParams) {
    KalmanPositionFilter.check(params);
    this._params = { ...params };
  }

  private static check(params: KalmanPositionParams): void {
    if (!(params.measurementNoise > 0) || !(params.accelerationNoise > 0)) {
      throw new RangeError(`Kalman noise levels must be > 0, got ${JSON.stringify(params)}`);
    }
  }

  /** The current parameters (a copy). */
  get params(): KalmanPositionParams {
    return { ...this._params };
  }

  /** Replaces the parameters; cached gains are recomputed lazily. Does nothing when unchanged. */
  setParams(params: KalmanPositionParams): void {
    if (params.measurementNoise === this._params.measurementNoise && params.accelerationNoise === this._params.accelerationNoise) return;
    KalmanPositionFilter.check(params);
    this._params = { ...params };
    this._gains.fill(Number.NaN);
  }

  /** Filters the position `z` measured at `timeMs`, writes the estimate into `out` and returns it. */
  filter<T extends { [i: number]: number }>(z: ArrayLike<number>, timeMs: number, out: T): T {
    if (!this._primed) {
      this.prime(z, timeMs);
      for (let i = 0; i < 3; i++) out[i] = z[i];
      return out;
    }
    const dtMs = Math.min(MAX_DT_MS, Math.max(MIN_FILTER_DT_MS, Math.round(timeMs - this._lastTimeMs)));
    this._lastTimeMs = timeMs;
    if (Number.isNaN(this._gains[dtMs * 2])) {
      const [k0, k1] = steadyStateGain(dtMs / 1000, this._params);
      this._gains[dtMs * 2] = k0;
      this._gains[dtMs * 2 + 1] = k1;
    }
    if (!this.enabled) {
      this.prime(z, timeMs);
      for (let i = 0; i < 3; i++) out[i] = z[i];
      return out;
    }
    const k0 = this._gains[dtMs * 2];
    const k1 = this._gains[dtMs * 2 + 1];
    const dt = dtMs / 1000;
    for (let i = 0; i < 3; i++) {
      const predicted = this._position[i] + this._velocity[i] * dt;
      const innovation = z[i] - predicted;
      this._position[i] = predicted + k0 * innovation;
      this._velocity[i] += k1 * innovation;
      out[i] = this._position[i];
    }
    return out;
  }

  /** Writes the current estimate into `out` and returns it. */
  current<T extends { [i: number]: number }>(out: T): T {
    for (let i = 0; i < 3; i++) out[i] = this._position[i];
    return out;
  }

  /** Restarts at `z` (at rest) at `timeMs`: the next output continues from there without a jump. */
  prime(z: ArrayLike<number>, timeMs: number): void {
    this._primed = true;
    this._lastTimeMs = timeMs;
    for (let i = 0; i < 3; i++) {
      this._position[i] = z[i];
      this._velocity[i] = 0;
    }
  }

  /** Forgets all state: the next sample passes through unfiltered. */
  reset(): void {
    this._primed = false;
  }
}
