import type { RigPose } from './RigPose';
import { POSE_BONE_COUNT, QUAT_STRIDE } from './RigPose';
import { slerpQuatFlat } from './slerpQuatFlat';

/**
 * Blends two poses into `target`: slerp for every rotation, lerp for weights and gaze.
 * `t` = 0 gives `a`, 1 gives `b`. `target` may be `a` or `b`. Allocates nothing.
 */
export function blendPoses(a: RigPose, b: RigPose, t: number, target: RigPose): RigPose {
  for (let bone = 0; bone < POSE_BONE_COUNT; bone++) {
    const offset = bone * QUAT_STRIDE;
    slerpQuatFlat(target.rotations, offset, a.rotations, offset, b.rotations, offset, t);
  }
  lerpArray(a.blendshapes, b.blendshapes, t, target.blendshapes);
  lerpArray(a.expressions, b.expressions, t, target.expressions);
  target.gazeYaw = a.gazeYaw + (b.gazeYaw - a.gazeYaw) * t;
  target.gazePitch = a.gazePitch + (b.gazePitch - a.gazePitch) * t;
  return target;
}

function lerpArray(a: Float64Array, b: Float64Array, t: number, target: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] = a[i] + (b[i] - a[i]) * t;
}
