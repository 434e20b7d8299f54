import type { NormalizedLandmarkLike } from '../face/FaceLandmarkerResultLike';
import type { LandmarkLike } from '../space/cameraPointFromMediaPipe';

/** One handedness guess, as MediaPipe reports it: `categoryName` is `'Left'` or `'Right'`. */
export interface HandednessCategoryLike {
  categoryName: string;
  score: number;
}

/**
 * The parts of MediaPipe's `HandLandmarkerResult` the hand solver reads; a real
 * `HandLandmarkerResult` (or a copy made in a worker) is assignable to it. Entry `i` of each list
 * is the `i`-th detected hand.
 *
 * - `landmarks`: 21 points in normalized image coordinates (x right, y down, in [0, 1]); the
 *   solver reads only the wrist, to match hands with the pose's wrists.
 * - `worldLandmarks`: the same 21 points in metres, origin near the hand's centre, in the image's
 *   axes (x right, y down, z away from the camera): what the solver fits the hand to.
 * - `handedness`: the subject's real hand in tasks-vision (a mirrored image swaps it). Only a
 *   hint: see {@link assignHands}.
 */
export interface HandLandmarkerResultLike {
  landmarks: NormalizedLandmarkLike[][];
  worldLandmarks: LandmarkLike[][];
  handedness: HandednessCategoryLike[][];
}
