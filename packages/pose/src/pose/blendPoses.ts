// The part tables, not the parts' index: the part appliers import this folder.
import { PART_BONE_INDICES } from '../parts/partBones';
import type { PartWeights } from '../parts/PartWeights';
import { RIG_PART_COUNT, RigPartName, rigPartIndex } from '../parts/RigPartName';
import type { RigPose } from './RigPose';
import { POSE_BONE_COUNT, QUAT_STRIDE } from './RigPose';
import { slerpFlat } from './slerpFlat';

const FACE = rigPartIndex(RigPartName.Face);
const ALL_BONES: readonly number[] = Array.from({ length: POSE_BONE_COUNT }, (_, bone) => bone);

// A number passed to a call V8 does not inline is boxed at every call, so `t` travels as the
// parameter it arrived as: boxed once per blend (or once per part), never once per bone.

function slerpBones(a: RigPose, b: RigPose, bones: readonly number[], t: number, target: RigPose): void {
  for (let i = 0; i < bones.length; i++) {
    const offset = bones[i] * QUAT_STRIDE;
    slerpFlat(target.rotations, offset, a.rotations, offset, b.rotations, offset, t);
  }
}

/** Lerps the face's weights and gaze. */
function lerpFace(a: RigPose, b: RigPose, t: number, target: RigPose): void {
  lerpArray(a.blendshapes, b.blendshapes, t, target.blendshapes);
  lerpArray(a.expressions, b.expressions, t, target.expressions);
  target.gazeYaw = a.gazeYaw + (b.gazeYaw - a.gazeYaw) * t;
  target.gazePitch = a.gazePitch + (b.gazePitch - a.gazePitch) * t;
}

function lerpArray(a: Float64Array, b: Float64Array, t: number, target: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] = a[i] + (b[i] - a[i]) * t;
}

/**
 * Blends two poses into `target`: slerp for every rotation, lerp for weights and gaze. `t` = 0
 * gives `a`, 1 gives `b`. `target` may be `a` or `b`. Allocates nothing.
 */
export function blendPoses(a: RigPose, b: RigPose, t: number, target: RigPose): RigPose {
  slerpBones(a, b, ALL_BONES, t, target);
  lerpFace(a, b, t, target);
  return target;
}

/**
 * {@link blendPoses} with a weight per part: each bone goes by the weight of the part it belongs
 * to, the face's weights and gaze by the face's.
 */
export function blendPosesByPart(a: RigPose, b: RigPose, weights: PartWeights, target: RigPose): RigPose {
  for (let part = 0; part < RIG_PART_COUNT; part++) slerpBones(a, b, PART_BONE_INDICES[part], weights[part], target);
  lerpFace(a, b, weights[FACE], target);
  return target;
}
