import type { ImagePointLike } from './PoseWristsLike';

/** A pose wrist with at least this visibility counts as seen. */
export const WRIST_VISIBILITY_THRESHOLD = 0.5;
/**
 * How far outside the image (normalized units) a wrist may be and still count as in the frame:
 * PoseLandmarker extrapolates wrists below the frame with visibility near 0.5 (a desk's common case).
 */
export const WRIST_FRAME_MARGIN = 0.02;

/** True when the pose sees this wrist inside the image. */
export function wristInFrame(wrist: ImagePointLike | null | undefined): boolean {
  if (!wrist) return false;
  const visibility = wrist.visibility ?? 1;
  return (
    visibility >= WRIST_VISIBILITY_THRESHOLD &&
    wrist.x >= -WRIST_FRAME_MARGIN && wrist.x <= 1 + WRIST_FRAME_MARGIN &&
    wrist.y >= -WRIST_FRAME_MARGIN && wrist.y <= 1 + WRIST_FRAME_MARGIN
  );
}
