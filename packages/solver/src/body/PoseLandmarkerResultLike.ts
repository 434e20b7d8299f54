/**
 * One pose landmark as MediaPipe reports it. In `worldLandmarks`: metres, origin at the hip centre,
 * +x toward the image's right, +y down, +z away from the camera. In `landmarks`: x and y are
 * fractions of the image (y down), z is a relative depth.
 */
export interface PoseLandmarkLike {
  x: number;
  y: number;
  z: number;
  /** How likely the landmark is visible (in the image and not hidden), in [0, 1]. */
  visibility?: number;
  /** How likely the landmark is present in the image (tasks-vision ≥ 1.1), in [0, 1]. */
  presence?: number;
}

/**
 * The parts of MediaPipe's `PoseLandmarkerResult` the body solver reads. A real
 * `PoseLandmarkerResult` is assignable to it, so the tracker passes MediaPipe's result straight in
 * (or a copy made in a worker). Only the first pose is used.
 */
export interface PoseLandmarkerResultLike {
  /** Normalized image landmarks, per pose (33 each). */
  readonly landmarks: readonly (readonly PoseLandmarkLike[])[];
  /** World landmarks in metres, per pose (33 each). */
  readonly worldLandmarks: readonly (readonly PoseLandmarkLike[])[];
}
