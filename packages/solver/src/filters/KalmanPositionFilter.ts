import { MIN_FILTER_DT_MS } from './OneEuroFilter';

/** Parameters of {@link KalmanPositionFilter}. */
export interface KalmanPositionParams {
  /** Standard deviation of the measurement noise, in the signal's units (e.g. metres). */
  measurementNoise: number;
  /** Standard deviation of the unmodelled acceleration, in units/s². Higher follows faster. */
  accelerationNoise: number;
}

/** Longest time step (ms) the filter models; longer gaps are treated as this. */
const MAX_DT_MS = 250;

/**
 * The steady-state Kalman gain `[position, velocity]` of a 1-D constant-velocity model whose
 * acceleration is white noise held over each step (covariance `q·[[dt⁴/4, dt³/2], [dt³/2, dt²]]`),
 * in closed form: with the tracking index `λ = σa·dt² / σm`, the gains are the α–β filter's
 * `α = 1 − r²` and `β = 2(2 − α) − 4√(1 − α)`, where `r = (4 + λ − √(8λ + λ²)) / 4`
 * (Kalata, "The tracking index", IEEE Trans. AES-20, 1984). The tests check it against the
 * asymptotic gain `kalman-filter` computes for the same model. Writes into `out`.
 */
function steadyStateGain(out: Float64Array, dtSeconds: number, params: KalmanPositionParams): void {
  const lambda = (params.accelerationNoise * dtSeconds * dtSeconds) / params.measurementNoise;
  const r = (4 + lambda - Math.sqrt(8 * lambda + lambda * lambda)) / 4;
  const alpha = 1 - r * r;
  const beta = 2 * (2 - alpha) - 4 * Math.sqrt(1 - alpha);
  out[0] = alpha;
  out[1] = beta / dtSeconds;
}

/**
 * A constant-velocity Kalman filter for a 3-D position (one independent model per axis).
 *
 * It runs the Kalman equations with the converged gain of the model (a steady-state Kalman
 * filter), computed in closed form for each time step, so jittered frame times cost nothing
 * extra and nothing is allocated. `kalman-filter`, which allocates matrices on every
 * `predict`/`correct` and solves the gain iteratively, is the reference the tests compare with.
 * @example
 * const f = new KalmanPositionFilter({ measurementNoise: 0.002, accelerationNoise: 2 });
 * f.filter(rawPosition, timeMs, face.headPosition);
 */
export class KalmanPositionFilter {
  /** When false, {@link filter} passes measurements straight through (and tracks them). */
  enabled = true;
  private _params: KalmanPositionParams;
  private readonly _gain = new Float64Array(2);
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

  /** Replaces the parameters. Does nothing when unchanged. */
  setParams(params: KalmanPositionParams): void {
    if (params.measurementNoise === this._params.measurementNoise && params.accelerationNoise === this._params.accelerationNoise) return;
    KalmanPositionFilter.check(params);
    this._params = { ...params };
  }

  /** Filters the position `z` measured at `timeMs`, writes the estimate into `out` and returns it. */
  filter<T extends { [i: number]: number }>(z: ArrayLike<number>, timeMs: number, out: T): T {
    if (!this._primed || !this.enabled) {
      this.prime(z, timeMs);
      for (let i = 0; i < 3; i++) out[i] = z[i];
      return out;
    }
    const dt = Math.min(MAX_DT_MS, Math.max(MIN_FILTER_DT_MS, timeMs - this._lastTimeMs)) / 1000;
    this._lastTimeMs = timeMs;
    steadyStateGain(this._gain, dt, this._params);
    const k0 = this._gain[0];
    const k1 = this._gain[1];
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
