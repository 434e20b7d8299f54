/**
 * Parameters of a One Euro filter (Casiez, Roussel & Vogel, CHI 2012): a low-pass filter whose
 * cutoff rises with speed, so it is smooth at rest and quick in motion.
 */
export interface OneEuroParams {
  /** Cutoff in Hz at rest. Lower is smoother and slower. */
  minCutoff: number;
  /** How much the cutoff grows per unit of speed (units of the signal per second). Higher lags less. */
  beta: number;
  /** Cutoff in Hz of the speed estimate. */
  derivativeCutoff: number;
  /**
   * Speeds up to this (units/s) do not raise the cutoff: the detector's own noise reads as a small
   * speed, which would otherwise let jitter through at rest. Default 0 (the classic filter).
   */
  speedFloor?: number;
}

/**
 * The smoothing factor of a first-order low-pass filter with cutoff `cutoffHz` over `dtSeconds`.
 * @internal
 */
export function lowPassAlpha(cutoffHz: number, dtSeconds: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtSeconds);
}

/**
 * Scales filter parameters by a smoothing amount in [0, 1]: the rest cutoff and the speed gain are
 * multiplied by `(0.5 / smoothing)²`, so 0.5 keeps `base`, 1 is four times smoother, and 0 turns
 * the filter into an exact pass-through (infinite cutoff). The derivative cutoff and the speed
 * floor are kept.
 */
export function scaleOneEuroParams(out: OneEuroParams, base: Readonly<OneEuroParams>, smoothing: number): OneEuroParams {
  out.derivativeCutoff = base.derivativeCutoff;
  out.speedFloor = base.speedFloor ?? 0;
  if (!(smoothing > 0)) {
    out.minCutoff = Number.POSITIVE_INFINITY;
    out.beta = 0;
    return out;
  }
  const factor = (0.5 / Math.min(1, smoothing)) ** 2;
  out.minCutoff = base.minCutoff * factor;
  out.beta = base.beta * factor;
  return out;
}
