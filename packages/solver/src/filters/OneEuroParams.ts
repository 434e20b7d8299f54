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
}

/**
 * The smoothing factor of a first-order low-pass filter with cutoff `cutoffHz` over `dtSeconds`.
 * @internal
 */
export function lowPassAlpha(cutoffHz: number, dtSeconds: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtSeconds);
}

/** Scales filter parameters by a 0…1 smoothing amount (0 = no filtering, 0.5 = as given, 1 = heaviest). */
export function scaleOneEuroParams(out: OneEuroParams, base: Readonly<OneEuroParams>, smoothing: number): OneEuroParams {
  // 0.5 keeps the base; each 0.5 step divides/multiplies the rest cutoff by 4 and beta likewise.
  const factor = Math.pow(4, (0.5 - smoothing) * 2);
  out.minCutoff = base.minCutoff * factor;
  out.beta = base.beta * factor;
  out.derivativeCutoff = base.derivativeCutoff;
  return out;
}
