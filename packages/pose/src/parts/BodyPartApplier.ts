import { HUMANOID_BONE_NAMES, type BodyPartName, type RigFrame } from '@rigcast/protocol';
import { QUAT_STRIDE, REST_ROTATIONS, type RigPose } from '../pose';
import { PART_BONE_INDICES } from './partBones';
import type { PartApplier } from './PartApplier';
import { rigPartIndex } from './RigPartName';

/**
 * A body part (an arm, a hand with its fingers, a leg, or the torso when the body carries it),
 * taken from the frame's body: carried when `body.confidence[part]` is above 0. Each of the part's
 * bones gets the frame's rotation, or its rest rotation when the frame leaves that bone out.
 */
export class BodyPartApplier implements PartApplier {
  private readonly bones: readonly number[];

  constructor(readonly part: BodyPartName) {
    this.bones = PART_BONE_INDICES[rigPartIndex(part)];
  }

  write(frame: RigFrame, pose: RigPose): boolean {
    const body = frame.body;
    if (!body || !(body.confidence[this.part] > 0)) return false;
    const rotations = pose.rotations;
    for (let i = 0; i < this.bones.length; i++) {
      const bone = this.bones[i];
      const offset = bone * QUAT_STRIDE;
      const rotation = body.bones[HUMANOID_BONE_NAMES[bone]];
      if (rotation) {
        rotations[offset] = rotation[0];
        rotations[offset + 1] = rotation[1];
        rotations[offset + 2] = rotation[2];
        rotations[offset + 3] = rotation[3];
      } else {
        for (let k = 0; k < QUAT_STRIDE; k++) rotations[offset + k] = REST_ROTATIONS[offset + k];
      }
    }
    return true;
  }
}
