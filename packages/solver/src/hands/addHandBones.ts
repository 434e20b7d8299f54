import type { BodyRig } from '@rigcast/protocol';
import { HandSide } from './HandSide';
import { handBoneNames } from './HandState';

const ALL_HAND_BONES = [...handBoneNames(HandSide.Left), ...handBoneNames(HandSide.Right)];

/**
 * Adds the 32 hand bones (each side's hand and 15 digit bones) to `body` where missing, at
 * identity, and returns it: the fixed key set {@link HandSolver} writes into every frame.
 * @example
 * const body = addHandBones(createEmptyBody());
 */
export function addHandBones(body: BodyRig): BodyRig {
  for (let i = 0; i < ALL_HAND_BONES.length; i++) {
    if (!body.bones[ALL_HAND_BONES[i]]) body.bones[ALL_HAND_BONES[i]] = [0, 0, 0, 1];
  }
  return body;
}
