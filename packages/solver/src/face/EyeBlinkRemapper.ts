/** Tuning of {@link EyeBlinkRemapper}. All levels are raw MediaPipe `eyeBlink*` scores. */
export interface EyeBlinkRemapperParams {
  /** Open level assumed before calibration or learning. */
  defaultOpen: number;
  /** Closed level assumed before a blink has been seen. */
  defaultClosed: number;
  /** The closed level never gets nearer the open level than this. */
  minSpan: number;
  /** Closure (0 = open level, 1 = closed level) below which the eye reads fully open. */
  openKnee: number;
  /** Closure above which the eye reads fully shut. */
  closedKnee: number;
  /** Time constant (ms) with which the open level rises toward a steadily higher open reading. */
  openRiseMs: number;
  /** Time constant (ms) with which the open level falls toward a lower reading. */
  openFallMs: number;
  /** Time constant (ms) with which the closed level relaxes toward `open + minSpan` between blinks. */
  closedDecayMs: number;
}

/** Defaults measured on MediaPipe's float16 face model (see DATA.md): open 0.05–0.3, closed 0.6–0.85. */
export const DEFAULT_EYE_BLINK_REMAPPER_PARAMS: Readonly<EyeBlinkRemapperParams> = {
  defaultOpen: 0.1,
  defaultClosed: 0.72,
  minSpan: 0.45,
  openKnee: 0.45,
  closedKnee: 0.8,
  openRiseMs: 1500,
  openFallMs: 150,
  closedDecayMs: 20_000,
};

/**
 * Turns one eye's raw `eyeBlink*` score into a closure in [0, 1].
 *
 * MediaPipe's scores are modest and differ per eye and per person, so each eye keeps its own
 * open and closed levels. They start at defaults, are set by calibration (eyes open), and keep
 * learning online: the open level follows the eye's resting score slowly (and drops at once to a
 * lower one); the closed level jumps up to the highest score seen and relaxes very slowly. The
 * raw score is normalized between the two levels and passed through a smoothstep between the two
 * knees, so a resting or half-open eye reads 0 and a shut or winking eye reads 1.
 */
export class EyeBlinkRemapper {
  readonly params: EyeBlinkRemapperParams;
  private _open: number;
  private _closed: number;
  private _lastTimeMs = Number.NaN;

  constructor(params: Partial<EyeBlinkRemapperParams> = {}) {
    const p = { ...DEFAULT_EYE_BLINK_REMAPPER_PARAMS, ...params };
    // An object literal with every field, so reads in update() see one fixed shape.
    this.params = {
      defaultOpen: p.defaultOpen,
      defaultClosed: p.defaultClosed,
      minSpan: p.minSpan,
      openKnee: p.openKnee,
      closedKnee: p.closedKnee,
      openRiseMs: p.openRiseMs,
      openFallMs: p.openFallMs,
      closedDecayMs: p.closedDecayMs,
    };
    this._open = this.params.defaultOpen;
    this._closed = this.params.defaultClosed;
  }

  /** The learned open level (raw score). */
  get openLevel(): number {
    return this._open;
  }

  /** The learned closed level (raw score). */
  get closedLevel(): number {
    return this._closed;
  }

  /** The closure computed by the last {@link update}, in [0, 1]. Read-only. */
  closure = 0;

  /** The closure in [0, 1] for `raw`, without learning from it. */
  closureOf(raw: number): number {
    const { openKnee, closedKnee } = this.params;
    const normalized = (raw - this._open) / (this._closed - this._open);
    const t = Math.min(1, Math.max(0, (normalized - openKnee) / (closedKnee - openKnee)));
    return t * t * (3 - 2 * t);
  }

  /** Learns from `raw` sampled at `timeMs` and sets {@link closure} to its closure in [0, 1]. */
  update(raw: number, timeMs: number): void {
    const p = this.params;
    const dt = Number.isNaN(this._lastTimeMs) ? 0 : Math.max(0, timeMs - this._lastTimeMs);
    this._lastTimeMs = timeMs;
    // closureOf(raw), written out so no number is returned (and boxed) per frame.
    const normalized = (raw - this._open) / (this._closed - this._open);
    const t = Math.min(1, Math.max(0, (normalized - p.openKnee) / (p.closedKnee - p.openKnee)));
    const closure = t * t * (3 - 2 * t);
    this.closure = closure;
    if (raw < this._open) {
      this._open += (raw - this._open) * (1 - Math.exp(-dt / p.openFallMs));
    } else if (closure === 0) {
      this._open += (raw - this._open) * (1 - Math.exp(-dt / p.openRiseMs));
    }
    if (raw > this._closed) this._closed = raw;
    else this._closed += (this._open + p.minSpan - this._closed) * (1 - Math.exp(-dt / p.closedDecayMs));
    if (this._closed < this._open + p.minSpan) this._closed = this._open + p.minSpan;
  }

  /** Calibration: the eye is open now and reads `raw`. */
  calibrateOpen(raw: number): void {
    this._open = raw;
    if (this._closed < raw + this.params.minSpan) this._closed = raw + this.params.minSpan;
  }

  /** Back to the defaults. */
  reset(): void {
    this._open = this.params.defaultOpen;
    this._closed = this.params.defaultClosed;
    this._lastTimeMs = Number.NaN;
    this.closure = 0;
  }
}
