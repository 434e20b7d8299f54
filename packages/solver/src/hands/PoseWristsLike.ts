/** A point in normalized image coordinates (x right, y down, in [0, 1]) with an optional visibility. */
export interface ImagePointLike {
  x: number;
  y: number;
  /** MediaPipe's visibility in [0, 1]; absent counts as seen. */
  visibility?: number;
}

/**
 * What the pose says about the subject's wrists, for {@link assignHands}: the subject's own left
 * and right wrist in the same image the hands were detected in (PoseLandmarker's landmarks 15 and
 * 16), or null when the pose has none.
 */
export interface PoseWristsLike {
  left: ImagePointLike | null;
  right: ImagePointLike | null;
  /** The image's width ÷ height, so that distances are measured in the same unit along x and y. */
  aspect: number;
}
