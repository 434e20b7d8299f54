import { HandLandmarkIndex } from './HandLandmarkIndex';
import type { ImagePointLike } from './PoseWristsLike';

/**
 * A hand whose landmarks span at least this share of the picture (the larger of their extents
 * across and down, in normalized image units) is held up close to the camera. Measured on the
 * shared clips: the open hand of `hand.mp4`, whose arm PoseLandmarker loses behind it, spans
 * 0.51–0.60; the fist coming up from below the frame in `arm-raise-thumbs-up.mp4` before the pose
 * sees its wrist spans 0.15–0.31.
 */
export const CLOSE_HAND_MIN_SPAN = 0.4;
/** How far inside the picture (normalized units) the wrist of a hand held up close must be: not a hand cut off at the frame's edge. */
export const CLOSE_HAND_WRIST_MARGIN = 0.05;

/**
 * True when a detected hand is held up close to the camera ({@link CLOSE_HAND_MIN_SPAN}), its
 * wrist well inside the picture: a hand that is plainly there, whatever the pose says of its arm.
 * Allocates nothing.
 */
export function handHeldUpClose(landmarks: readonly ImagePointLike[] | undefined): boolean {
  if (!landmarks || landmarks.length === 0) return false;
  const wrist = landmarks[HandLandmarkIndex.Wrist];
  if (!wrist) return false;
  const inside = 1 - CLOSE_HAND_WRIST_MARGIN;
  if (!(wrist.x >= CLOSE_HAND_WRIST_MARGIN && wrist.x <= inside && wrist.y >= CLOSE_HAND_WRIST_MARGIN && wrist.y <= inside)) return false;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < landmarks.length; i++) {
    const { x, y } = landmarks[i];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return Math.max(maxX - minX, maxY - minY) >= CLOSE_HAND_MIN_SPAN;
}
