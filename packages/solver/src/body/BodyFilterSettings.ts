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

/**
 * Tuned on the arm-raise recording and on synthetic motion (see `tests/BodySolver.filtering.test.ts`):
 * the cutoff rests at 0.2 Hz while the bone turns slower than 0.6 rad/s (34°/s: PoseLandmarker's
 * frame-to-frame noise reads as up to about that) and rises by 5 Hz per rad/s above it, so a
 * gesture (100°/s and up) passes with under a frame of lag while an arm held still is steadied
 * 3–5×.
 */
const BONE: Readonly<OneEuroParams> = { minCutoff: 0.2, beta: 5, derivativeCutoff: 1, speedFloor: 0.6 };

/** See {@link BONE}: every channel of the body shares it. */
export const DEFAULT_BODY_FILTER_SETTINGS: Readonly<BodyFilterSettings> = {
  torso: BONE,
  arm: BONE,
  leg: BONE,
};
