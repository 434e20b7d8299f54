import type { KalmanPositionParams } from '../filters/KalmanPositionFilter';
import type { OneEuroParams } from '../filters/OneEuroParams';

/**
 * Filter parameters per channel of the face, at `smoothing = 0.5`. The solver's `smoothing`
 * option scales every cutoff and speed gain by `(0.5 / smoothing)²` (and the Kalman filter's
 * acceleration noise likewise), so 1 is four times smoother and 0 switches filtering off.
 */
export interface FaceFilterSettings {
  /** Head rotation; speed in rad/s. */
  head: OneEuroParams;
  /** Head position, metres. */
  headPosition: KalmanPositionParams;
  /** Blink closures (after remapping); fast, so blinks keep their peaks. */
  blink: OneEuroParams;
  /** Iris offsets (fractions of the eye's half-width). */
  gaze: OneEuroParams;
  /** Mouth, jaw and cheek blendshapes. */
  mouth: OneEuroParams;
  /** Brows, nose and the remaining eye blendshapes. */
  upperFace: OneEuroParams;
}

/**
 * Tuned on the selfie recordings (see `tests/FaceSolver.filtering.test.ts`): on raw per-frame
 * detections, head jitter at rest drops 6–7× (position ≈ 4×) while head roll sweeps lag at most
 * 0.83 frames. The head's speed floor (0.15 rad/s ≈ 9°/s) keeps detector noise from reading as
 * motion.
 */
export const DEFAULT_FACE_FILTER_SETTINGS: Readonly<FaceFilterSettings> = {
  head: { minCutoff: 0.3, beta: 12, derivativeCutoff: 1, speedFloor: 0.15 },
  headPosition: { measurementNoise: 0.002, accelerationNoise: 0.1 },
  blink: { minCutoff: 6, beta: 30, derivativeCutoff: 4 },
  gaze: { minCutoff: 1.5, beta: 8, derivativeCutoff: 2 },
  mouth: { minCutoff: 3, beta: 15, derivativeCutoff: 2 },
  upperFace: { minCutoff: 1.5, beta: 8, derivativeCutoff: 2 },
};
