import type { OneEuroParams } from '../filters/OneEuroParams';

/**
 * One Euro parameters (on rotations, speed in rad/s) per channel of the body, at `smoothing = 0.5`.
 * The solver's `smoothing` scales every cutoff and speed gain by `(0.5 / smoothing)²` (see
 * {@link scaleOneEuroParams}), so 1 is four times smoother and 0 switches filtering off.
 */
export interface BodyFilterSettings {
  /** The hips and the torso's bend. */
  torso: OneEuroParams;
  /** Clavicles, upper and lower arms. */
  arm: OneEuroParams;
  /** Upper and lower legs and feet. */
  leg: OneEuroParams;
}

/** Tuned on noisy synthetic motion and the arm-raise recording (see `tests/BodySolver.filtering.test.ts`). */
export const DEFAULT_BODY_FILTER_SETTINGS: Readonly<BodyFilterSettings> = {
  torso: { minCutoff: 0.4, beta: 10, derivativeCutoff: 1, speedFloor: 0.15 },
  arm: { minCutoff: 0.4, beta: 10, derivativeCutoff: 1, speedFloor: 0.15 },
  leg: { minCutoff: 0.4, beta: 10, derivativeCutoff: 1, speedFloor: 0.15 },
};
