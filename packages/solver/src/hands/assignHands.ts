import { HandSide } from './HandSide';
import type { ImagePointLike, PoseWristsLike } from './PoseWristsLike';
import { wristInFrame } from './wristInFrame';

/** One detected hand, for {@link assignHands}. */
export interface DetectedHandLike {
  /** The hand's wrist (HandLandmarker's landmark 0) in normalized image coordinates. */
  wrist: ImagePointLike;
  /** MediaPipe's handedness label, `'Left'` or `'Right'`. */
  label: string;
}

/**
 * How far (in image heights) a hand's wrist may be from the pose's wrist it is matched to. The two
 * models disagree most on an arm reaching toward the camera (≈ 0.25 measured on the thumbs-up clip);
 * a hand farther off is someone else's, or a false detection, and is dropped.
 */
export const MAX_HAND_TO_POSE_WRIST = 0.4;

/**
 * Decides which of the subject's hands each detected hand is: `out[i]` becomes `'left'`, `'right'`
 * (the **subject's** own side) or null (dropped), for `i < count`; returns `out`.
 *
 * - **The pose sees a wrist in the frame** ({@link wristInFrame}): hands go to the nearer seen
 *   wrist (with two hands, the pairing of least total distance), within
 *   {@link MAX_HAND_TO_POSE_WRIST}. With one wrist seen and two hands, the hand near it takes its
 *   side and the other hand the other side.
 * - **Otherwise** (no pose, wrists out of the frame or hidden, e.g. a hand close to the camera;
 *   or a lone hand far from the wrists the pose claims, which then has them wrong): MediaPipe's
 *   label, which is the subject's real hand in tasks-vision on an unmirrored image
 *   (`imageMirrored` swaps it). Two hands with the same label are told apart by position: the
 *   subject's left hand is on the image's right.
 *
 * Pure and allocation-free.
 * @example
 * assignHands(hands, 2, { left: pose[15], right: pose[16], aspect: 16 / 9 }, sides);
 */
export function assignHands(
  hands: readonly DetectedHandLike[],
  count: number,
  pose: PoseWristsLike | null,
  out: (HandSide | null)[],
  imageMirrored = false,
): (HandSide | null)[] {
  const n = Math.min(count, hands.length, 2);
  for (let i = 0; i < out.length; i++) out[i] = null;
  if (n === 0) return out;
  const left = pose && wristInFrame(pose.left) ? pose.left : null;
  const right = pose && wristInFrame(pose.right) ? pose.right : null;
  const aspect = pose && pose.aspect > 0 ? pose.aspect : 1;

  if (left || right) {
    const d = (h: number, w: ImagePointLike | null) => (w ? distance(hands[h].wrist, w, aspect) : Number.POSITIVE_INFINITY);
    if (n === 1) {
      const dl = d(0, left), dr = d(0, right);
      if (Math.min(dl, dr) <= MAX_HAND_TO_POSE_WRIST) {
        out[0] = dl <= dr ? HandSide.Left : HandSide.Right;
        return out;
      }
      // Far from every wrist the pose claims to see: the label knows better.
      out[0] = labelSide(hands[0].label, imageMirrored);
      return out;
    }
    if (left && right) {
      const straight = d(0, left) + d(1, right);
      const crossed = d(0, right) + d(1, left);
      out[0] = straight <= crossed ? HandSide.Left : HandSide.Right;
      out[1] = straight <= crossed ? HandSide.Right : HandSide.Left;
      for (let i = 0; i < 2; i++) if (d(i, out[i] === HandSide.Left ? left : right) > MAX_HAND_TO_POSE_WRIST) out[i] = null;
      return out;
    }
    // Two hands, one wrist seen: the hand near it is that side, the other the other.
    const seen = left ? HandSide.Left : HandSide.Right;
    const wrist = left ?? right;
    const nearer = d(0, wrist) <= d(1, wrist) ? 0 : 1;
    if (d(nearer, wrist) <= MAX_HAND_TO_POSE_WRIST) {
      out[nearer] = seen;
      out[1 - nearer] = seen === HandSide.Left ? HandSide.Right : HandSide.Left;
      return out;
    }
  }

  for (let i = 0; i < n; i++) out[i] = labelSide(hands[i].label, imageMirrored);
  if (n === 2 && out[0] === out[1]) {
    // Same label twice: the subject's left hand is the one on the image's right (unmirrored).
    const firstOnRight = hands[0].wrist.x >= hands[1].wrist.x;
    const firstIsLeft = firstOnRight !== imageMirrored;
    out[0] = firstIsLeft ? HandSide.Left : HandSide.Right;
    out[1] = firstIsLeft ? HandSide.Right : HandSide.Left;
  }
  return out;
}

function labelSide(label: string, imageMirrored: boolean): HandSide | null {
  const isLeft = label === 'Left' ? true : label === 'Right' ? false : null;
  if (isLeft === null) return null;
  return isLeft !== imageMirrored ? HandSide.Left : HandSide.Right;
}

function distance(a: ImagePointLike, b: ImagePointLike, aspect: number): number {
  return Math.hypot((a.x - b.x) * aspect, a.y - b.y);
}
