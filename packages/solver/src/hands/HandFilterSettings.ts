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
 * Measured in `tests/HandSolver.filtering.test.ts` (30 fps): with 3 mm RMS landmark noise, jitter
 * at rest falls 6.8× on a finger's curl and 10× on the forearm's twist (7× on real VIDEO-mode
 * frames of hand.mp4), while a fist closing in a third of a second lags the raw output by 0.5
 * frame and a palm turning over by 0.3. The speed floor keeps the detector's jitter from reading
 * as motion; above it, the speed gain opens the filter up.
 */
export const DEFAULT_HAND_FILTER_SETTINGS: Readonly<HandFilterSettings> = {
  wrist: { minCutoff: 0.8, beta: 6, derivativeCutoff: 1, speedFloor: 0.4 },
  digits: { minCutoff: 1, beta: 4, derivativeCutoff: 1, speedFloor: 0.5 },
};
