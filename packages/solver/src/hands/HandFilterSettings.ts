import type { OneEuroParams } from '../filters/OneEuroParams';

/**
 * Filter parameters per channel of a hand, at `smoothing = 0.5` (the solver's `smoothing` scales
 * cutoffs and speed gains by `(0.5 / smoothing)²`, as for the face).
 */
export interface HandFilterSettings {
  /** The hand bone's rotation local to the lowerArm; speed in rad/s. */
  wrist: OneEuroParams;
  /** Each digit's spread and curls; speed in rad/s. */
  digits: OneEuroParams;
}

/**
 * Tuned on the recorded clips and synthetic motion (see `tests/HandSolver.filtering.test.ts`, which
 * prints the figures): fingers close into a fist at up to ≈ 15 rad/s, which the speed gain follows;
 * at rest, the speed floor keeps the detector's jitter from reading as motion.
 */
export const DEFAULT_HAND_FILTER_SETTINGS: Readonly<HandFilterSettings> = {
  wrist: { minCutoff: 0.8, beta: 6, derivativeCutoff: 1, speedFloor: 0.4 },
  digits: { minCutoff: 1, beta: 4, derivativeCutoff: 1, speedFloor: 0.5 },
};
