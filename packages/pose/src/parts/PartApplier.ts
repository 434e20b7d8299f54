import type { RigFrame } from '@rigcast/protocol';
import type { RigPose } from '../pose';
import type { RigPartName } from './RigPartName';

/**
 * Turns one part of a received frame into that part of the avatar's pose: the face, the torso,
 * an arm, a hand or a leg. The {@link RigApplier} asks every applier about every frame; a part
 * whose applier says the frame does not carry it keeps its last pose while it eases, on its own,
 * to its rest pose with idle motion, and eases back when frames carry it again.
 */
export interface PartApplier {
  /** The part this applier drives. */
  readonly part: RigPartName;
  /**
   * Writes this part of `frame` into `pose` (its bones, and for the face its weights and gaze)
   * and returns true, when the frame carries the part at a confidence above 0. Otherwise writes
   * nothing and returns false. Allocates nothing.
   */
  write(frame: RigFrame, pose: RigPose): boolean;
}
