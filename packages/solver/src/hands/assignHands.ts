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

/** The subject's hands tracked on the last solve, at their wrists in the image; null for a hand that was not. */
export interface TrackedHandsLike {
  left: ImagePointLike | null;
  right: ImagePointLike | null;
}

/**
 * How far (in image heights) a hand's wrist may be from the pose's wrist it is matched to. The two
 * models disagree most on an arm reaching toward the camera (up to 0.27 on the thumbs-up clip).
 */
export const MAX_HAND_TO_POSE_WRIST = 0.3;
/**
 * The pose decides only when its answer is clear: the other way of matching must be worse by at
 * least this (image heights). A pose unsure of the body puts both wrists in one place (hand.mp4).
 */
export const MIN_POSE_MATCH_MARGIN = 0.05;
/**
 * How far (in image heights) a hand's wrist may have moved since the last solve and still be the
 * hand tracked there: the tracker runs the hand model 4–15 times a second, and a raised arm moves
 * the wrist about 0.04 image heights a frame on the thumbs-up clip.
 */
export const MAX_HAND_CONTINUITY = 0.2;

/**
 * Decides which of the subject's hands each detected hand is: `out[i]` becomes `'left'`, `'right'`
 * (the **subject's** own side) or null (dropped), for `i < count`; returns `out`.
 *
 * - **The same hand.** One hand seen, one tracked on the last solve, and the seen one within
 *   {@link MAX_HAND_CONTINUITY} of it: it keeps its side. MediaPipe tracks a hand from frame to
 *   frame; the pose's wrists behind a hand up at the camera, and the label, can change from one
 *   frame to the next.
 * - **The pose sees a wrist in the frame** ({@link wristInFrame}) and the match is clear: hands go
 *   to the nearer seen wrist (with two hands, the pairing of least total distance), within
 *   {@link MAX_HAND_TO_POSE_WRIST}, and the other match worse by {@link MIN_POSE_MATCH_MARGIN}.
 *   With one wrist seen and two hands, the hand near it takes its side, the other hand the other;
 *   with both wrists seen, a second hand far from its wrist is dropped (someone else's, or a false
 *   detection).
 * - **Otherwise** (no pose, wrists out of the frame or hidden, e.g. a hand close to the camera; a
 *   hand far from the wrists the pose claims; or a pose that cannot tell its wrists apart):
 *   MediaPipe's label, which is the subject's real hand in tasks-vision on an unmirrored image
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
  /** The hands tracked on the last solve; null or absent forgets them. */
  tracked: TrackedHandsLike | null = null,
): (HandSide | null)[] {
  const n = Math.min(count, hands.length, 2);
  for (let i = 0; i < out.length; i++) out[i] = null;
  if (n === 0) return out;
  const left = pose && wristInFrame(pose.left) ? pose.left : null;
  const right = pose && wristInFrame(pose.right) ? pose.right : null;
  const aspect = pose && pose.aspect > 0 ? pose.aspect : 1;

  if (n === 1 && tracked && (tracked.left === null) !== (tracked.right === null)) {
    // One hand was tracked and one is seen near it: the same hand, whatever the pose guesses now
    // (a hand up at the camera hides its arm) or the label says this frame.
    const side = tracked.left ? HandSide.Left : HandSide.Right;
    if (distance(hands[0].wrist, tracked.left ?? tracked.right, aspect) <= MAX_HAND_CONTINUITY) {
      out[0] = side;
      return out;
    }
  }

  if (left || right) {
    if (n === 1) {
      const dl = distance(hands[0].wrist, left, aspect), dr = distance(hands[0].wrist, right, aspect);
      if (Math.min(dl, dr) <= MAX_HAND_TO_POSE_WRIST && Math.abs(dl - dr) >= MIN_POSE_MATCH_MARGIN) {
        out[0] = dl <= dr ? HandSide.Left : HandSide.Right;
        return out;
      }
      // Far from every wrist the pose claims to see, or as near one as the other: the label knows better.
      out[0] = labelSide(hands[0].label, imageMirrored);
      return out;
    }
    if (left && right) {
      const straight = distance(hands[0].wrist, left, aspect) + distance(hands[1].wrist, right, aspect);
      const crossed = distance(hands[0].wrist, right, aspect) + distance(hands[1].wrist, left, aspect);
      if (Math.abs(straight - crossed) >= MIN_POSE_MATCH_MARGIN) {
        out[0] = straight <= crossed ? HandSide.Left : HandSide.Right;
        out[1] = straight <= crossed ? HandSide.Right : HandSide.Left;
        for (let i = 0; i < 2; i++) if (distance(hands[i].wrist, out[i] === HandSide.Left ? left : right, aspect) > MAX_HAND_TO_POSE_WRIST) out[i] = null;
        if (out[0] !== null || out[1] !== null) return out;
      }
    } else {
      // Two hands, one wrist seen: the hand near it is that side, the other the other.
      const seen = left ? HandSide.Left : HandSide.Right;
      const wrist = left ?? right;
      const d0 = distance(hands[0].wrist, wrist, aspect), d1 = distance(hands[1].wrist, wrist, aspect);
      const nearer = d0 <= d1 ? 0 : 1;
      if (Math.min(d0, d1) <= MAX_HAND_TO_POSE_WRIST && Math.abs(d0 - d1) >= MIN_POSE_MATCH_MARGIN) {
        out[nearer] = seen;
        out[1 - nearer] = seen === HandSide.Left ? HandSide.Right : HandSide.Left;
        return out;
      }
    }
    out[0] = out[1] = null;
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

/** Distance in image heights; infinite to a wrist the pose does not see. */
function distance(a: ImagePointLike, b: ImagePointLike | null, aspect: number): number {
  if (!b) return Number.POSITIVE_INFINITY;
  const dx = (a.x - b.x) * aspect, dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy);
}
