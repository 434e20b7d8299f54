import { smoothstep01 } from '@rigcast/math';
import { TrackingState } from './TrackingState';

/**
 * Blends two states of a part into `out`: `a` at `t` = 0, `b` at `t` = 1. `out` may alias `a`
 * or `b`. Must not allocate: it runs every frame.
 */
export type PartStateBlend = (out: Float64Array, a: Float64Array, b: Float64Array, t: number) => void;

/** How a part behaves when it is lost and found again, in ms. */
export interface PartLifecycleTiming {
  /** How long the last pose is held once the part is no longer seen. */
  holdMs: number;
  /** How long the output then takes to ease to the rest pose. */
  easeToRestMs: number;
  /** How long the output takes to blend back to the live pose (after a loss, or on {@link PartLifecycle.glide}). */
  returnBlendMs: number;
}

/** Options of {@link PartLifecycle}. */
export interface PartLifecycleOptions extends PartLifecycleTiming {
  /** The rest pose the part eases to when lost (copied); its length is the state's size. */
  rest: ArrayLike<number>;
  /** How two states blend: slerp for rotations, lerp for weights. */
  blend: PartStateBlend;
  /** Where the state holds the part's confidence, if it does: it then falls while held and easing. */
  confidenceIndex?: number;
  /** The held pose's confidence, relative to the last tracked one (default {@link DEFAULT_HOLD_CONFIDENCE}). */
  holdConfidence?: number;
}

/** Confidence while holding the last pose, relative to the held one. */
export const DEFAULT_HOLD_CONFIDENCE = 0.5;

/**
 * The life of one tracked part, so that nothing ever snaps: **tracked** (the output follows the
 * live pose) → **held** (no detection: the last output stays for {@link PartLifecycleTiming.holdMs})
 * → **easing to rest** (over {@link PartLifecycleTiming.easeToRestMs}) → **returning** (seen again:
 * the output blends from wherever it was to the live pose over
 * {@link PartLifecycleTiming.returnBlendMs}).
 *
 * The part's pose is a flat `Float64Array` whose meaning is the caller's; the lifecycle only
 * copies and blends it with the given {@link PartStateBlend}. State lives in the instance only,
 * and nothing is allocated per frame.
 * @example
 * const arm = new PartLifecycle({ holdMs: 300, easeToRestMs: 700, returnBlendMs: 250, rest, blend });
 * if (seen) { if (arm.resumingAfterLoss(now)) filters.reset(); writeArm(arm.live); arm.tracked(now); }
 * else arm.missed(now);
 * publish(arm.output);
 */
export class PartLifecycle {
  /** The caller writes the live pose here before {@link tracked}. */
  readonly live: Float64Array;
  /** The pose to publish, valid after {@link tracked} or {@link missed}. */
  readonly output: Float64Array;
  readonly timing: Readonly<PartLifecycleTiming>;

  private readonly _rest: Float64Array;
  private readonly _from: Float64Array;
  private readonly _blend: PartStateBlend;
  private readonly _confidenceIndex: number;
  private readonly _holdConfidence: number;
  private _state: TrackingState = TrackingState.Lost;
  private _everTracked = false;
  private _lastSeenMs = 0;
  private _blendStartMs = Number.NaN;
  private _blendOnNextTrack = false;

  constructor(options: PartLifecycleOptions) {
    const { holdMs, easeToRestMs, returnBlendMs } = options;
    if (![holdMs, easeToRestMs, returnBlendMs].every((ms) => Number.isFinite(ms) && ms >= 0)) {
      throw new RangeError(`PartLifecycle: times must be finite and ≥ 0 ms, got ${JSON.stringify({ holdMs, easeToRestMs, returnBlendMs })}`);
    }
    this.timing = { holdMs, easeToRestMs, returnBlendMs };
    this._rest = Float64Array.from(options.rest);
    this.live = Float64Array.from(this._rest);
    this.output = Float64Array.from(this._rest);
    this._from = Float64Array.from(this._rest);
    this._blend = options.blend;
    this._confidenceIndex = options.confidenceIndex ?? -1;
    this._holdConfidence = options.holdConfidence ?? DEFAULT_HOLD_CONFIDENCE;
  }

  /** The state after the last {@link tracked} or {@link missed}. */
  get state(): TrackingState {
    return this._state;
  }

  /** True once the part has been seen (since construction or {@link reset}). */
  get everTracked(): boolean {
    return this._everTracked;
  }

  /**
   * True when a part seen at `timeMs` comes back after more than the hold time: whatever the
   * caller filters for it is stale and should restart. Call before filtering the new detection.
   */
  resumingAfterLoss(timeMs: number): boolean {
    return this._everTracked && this._state !== TrackingState.Tracking && timeMs - this._lastSeenMs > this.timing.holdMs;
  }

  /** The part was seen at `timeMs` and {@link live} holds its pose: updates {@link output}. */
  tracked(timeMs: number): Float64Array {
    if (this._everTracked && this._state !== TrackingState.Tracking) this.glide(timeMs);
    this._everTracked = true;
    this._lastSeenMs = timeMs;
    this._state = TrackingState.Tracking;
    if (this._blendOnNextTrack) {
      this._blendOnNextTrack = false;
      this._blendStartMs = timeMs;
    }
    const t = (timeMs - this._blendStartMs) / this.timing.returnBlendMs;
    if (t < 1) this._blend(this.output, this._from, this.live, smoothstep01(t));
    else this.output.set(this.live);
    return this.output;
  }

  /** The part was not seen at `timeMs`: holds, then eases {@link output} to the rest pose. */
  missed(timeMs: number): Float64Array {
    if (!this._everTracked) {
      this.output.set(this._rest);
      this._state = TrackingState.Lost;
      return this.output;
    }
    if (this._state === TrackingState.Tracking) this._from.set(this.output);
    this._blendStartMs = Number.NaN;
    this._blendOnNextTrack = false;
    const { holdMs, easeToRestMs } = this.timing;
    const gap = timeMs - this._lastSeenMs;
    const c = this._confidenceIndex;
    if (gap <= holdMs) {
      this.output.set(this._from);
      if (c >= 0) this.output[c] = this._from[c] * this._holdConfidence;
      this._state = TrackingState.Holding;
    } else {
      const ease = smoothstep01((gap - holdMs) / easeToRestMs);
      this._blend(this.output, this._from, this._rest, ease);
      if (c >= 0) this.output[c] = this._from[c] * this._holdConfidence * (1 - ease);
      this._state = TrackingState.Lost;
    }
    return this.output;
  }

  /**
   * Starts a blend at `timeMs` from the current output to the live pose, so a change of what
   * "live" means (a mirror switch, a new rest) glides instead of jumping.
   */
  glide(timeMs: number): void {
    this._from.set(this.output);
    this._blendStartMs = timeMs;
  }

  /** Like {@link glide}, from the current output, but the blend starts when the part is next seen (after a calibration). */
  glideOnNextTrack(): void {
    this._from.set(this.output);
    this._blendOnNextTrack = true;
  }

  /** Forgets everything: the output is the rest pose and the part has never been seen. */
  reset(): void {
    this._everTracked = false;
    this._state = TrackingState.Lost;
    this._blendStartMs = Number.NaN;
    this._blendOnNextTrack = false;
    this.output.set(this._rest);
    this._from.set(this._rest);
  }
}
