import { RigPose, blendPoses } from '@rigcast/pose';
import { FrameIntervalEstimator } from './FrameIntervalEstimator';

/**
 * Turns frames that arrive at the tracker's rate into a pose for any render time.
 *
 * When a frame arrives, the pose on screen at that instant becomes the start, the new frame the
 * end, and the page moves from one to the other over one estimated frame interval (slerp for
 * rotations, lerp for weights). In a steady stream the start is exactly the previous frame, so
 * this is interpolation between the last two frames, rendered one interval behind. Early or late
 * frames never make the pose jump, and the added delay is never more than one interval.
 * With interpolation off, the latest frame is shown as it is.
 */
export class FrameInterpolator {
  /** False applies each frame as it arrives (`?interp=0`). */
  enabled: boolean;
  /** The measured frame interval. */
  readonly intervals = new FrameIntervalEstimator();
  private readonly start = new RigPose();
  private readonly end = new RigPose();
  private startMs = 0;
  private hasFrame = false;

  constructor(enabled = true) {
    this.enabled = enabled;
  }

  /** Adds the pose of a frame that arrived at `nowMs` (copied; the caller may reuse `pose`). */
  push(pose: RigPose, nowMs: number): void {
    // Capture the pose on screen before the new arrival changes the interval estimate.
    if (!this.hasFrame) {
      this.start.copy(pose);
      this.hasFrame = true;
    } else {
      this.sample(nowMs, this.start);
    }
    this.intervals.add(nowMs);
    this.end.copy(pose);
    this.startMs = nowMs;
  }

  /** Progress from start to end at `nowMs`, in [0, 1]. */
  progress(nowMs: number): number {
    if (!this.enabled) return 1;
    const t = (nowMs - this.startMs) / this.intervals.intervalMs;
    return t <= 0 ? 0 : t >= 1 ? 1 : t;
  }

  /** Writes the pose to show at `nowMs` into `target` (which may be any pose but the interpolator's own). */
  sample(nowMs: number, target: RigPose): RigPose {
    if (!this.hasFrame) return target.reset();
    return blendPoses(this.start, this.end, this.progress(nowMs), target);
  }
}
