import type { PoseWristsLike } from './PoseWristsLike';
import { wristInFrame } from './wristInFrame';

/**
 * How often (ms) hand inference runs while nothing calls for it every frame: often enough that a
 * hand entering the frame (or held close to the camera, hiding the body) is found within a few
 * frames, rarely enough to give the face and pose models the cores.
 */
export const IDLE_HAND_DETECTION_INTERVAL_MS = 250;

/** What {@link shouldDetectHands} decides from. */
export interface HandDetectionContext {
  /** True when PoseLandmarker runs; without it nothing tells where the hands are. */
  poseRunning: boolean;
  /** The pose's wrists on the current frame, null when it found no body. */
  poseWrists: PoseWristsLike | null;
  /** How many hands the hand solver tracked after its last solve. */
  handsTracked: number;
  /** Milliseconds since the HandLandmarker last ran (Infinity before the first run). */
  msSinceLastDetection: number;
}

/**
 * Whether to run the HandLandmarker on this frame. Every frame while a hand is tracked, while the
 * pose sees a wrist in the frame ({@link wristInFrame}), or when no pose runs (hands only);
 * otherwise (the pose shows no wrist: arms down below a desk, or no body) once every
 * {@link IDLE_HAND_DETECTION_INTERVAL_MS}. Pure.
 * @example
 * if (shouldDetectHands({ poseRunning, poseWrists, handsTracked, msSinceLastDetection: now - lastHands })) runHands();
 */
export function shouldDetectHands(context: HandDetectionContext): boolean {
  if (!context.poseRunning || context.handsTracked > 0) return true;
  const wrists = context.poseWrists;
  if (wrists && (wristInFrame(wrists.left) || wristInFrame(wrists.right))) return true;
  return context.msSinceLastDetection >= IDLE_HAND_DETECTION_INTERVAL_MS;
}
