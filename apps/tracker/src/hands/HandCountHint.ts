import { wristInFrame, type HandDetectionContext } from '@rigcast/solver';

/** Both hands: what HandLandmarker looks for with no pose to say otherwise. */
export const MAX_HANDS_LOOKED_FOR = 2;
/**
 * How long fewer hands must be wanted before the landmarker looks for fewer: changing `numHands`
 * rebuilds MediaPipe's graph, so a wrist that flickers in and out of the picture must not.
 */
export const FEWER_HANDS_AFTER_MS = 1000;

/** What the count comes from: the pose's wrists and how many hands the solver tracks. */
type HandCountContext = Pick<HandDetectionContext, 'poseRunning' | 'poseWrists' | 'handsTracked'>;

/**
 * How many hands HandLandmarker should look for: while it tracks fewer than its `numHands`, it
 * runs its palm detector on every frame to find another, which on a CPU costs as much as the
 * landmarks. So it looks for as many hands as the pose shows wrists in the picture or the solver
 * tracks, at least one, and both when no pose runs (a hand close to the camera, hands only).
 * More hands are looked for at once; fewer only after {@link FEWER_HANDS_AFTER_MS}.
 */
export class HandCountHint {
  private count = MAX_HANDS_LOOKED_FOR;
  private fewerSinceMs = Number.NaN;

  /** The count for the frame at `timeMs`, from what the pose and the hand solver say now. */
  update(context: HandCountContext, timeMs: number): number {
    const wanted = wantedHands(context);
    if (wanted >= this.count) {
      this.count = wanted;
      this.fewerSinceMs = Number.NaN;
    } else if (Number.isNaN(this.fewerSinceMs)) {
      this.fewerSinceMs = timeMs;
    } else if (timeMs - this.fewerSinceMs >= FEWER_HANDS_AFTER_MS) {
      this.count = wanted;
      this.fewerSinceMs = Number.NaN;
    }
    return this.count;
  }
}

function wantedHands({ poseRunning, poseWrists, handsTracked }: HandCountContext): number {
  if (!poseRunning || !poseWrists) return MAX_HANDS_LOOKED_FOR;
  const inPicture = (wristInFrame(poseWrists.left) ? 1 : 0) + (wristInFrame(poseWrists.right) ? 1 : 0);
  return Math.min(MAX_HANDS_LOOKED_FOR, Math.max(1, inPicture, handsTracked));
}
