import { clamp01 } from '@rigcast/math';
import { MathUtils } from 'three';
import { QUAT_STRIDE, type RigPose } from '@rigcast/pose';
import type { AvatarRig } from './AvatarRig';

/** The rotation written to a node; a call V8 does not inline boxes number arguments, an array does not. */
const _rotation = new Float64Array(4);

/**
 * Writes a pose onto a model: normalized bones, expressions (presets and perfect sync) and
 * VRMLookAt. Uses only the lookups cached in `rig`, skips bones whose rotation is unchanged,
 * and allocates nothing. `vrm.update()` then
 * copies the normalized bones to the mesh, applies VRM's override rules, the gaze and the springs.
 */
export function applyPoseToRig(pose: RigPose, rig: AvatarRig): void {
  // VRM 0.x rigs are turned 180° about Y: a rotation about X or Z there is the opposite one here.
  const flip = rig.isVRM0 ? -1 : 1;
  const rotations = pose.rotations;
  const written = rig.writtenRotations;
  const nodes = rig.boneNodes;
  for (let bone = 0; bone < nodes.length; bone++) {
    const node = nodes[bone];
    if (!node) continue;
    const o = bone * QUAT_STRIDE;
    const x = rotations[o], y = rotations[o + 1], z = rotations[o + 2], w = rotations[o + 3];
    if (x === written[o] && y === written[o + 1] && z === written[o + 2] && w === written[o + 3]) continue;
    written[o] = x;
    written[o + 1] = y;
    written[o + 2] = z;
    written[o + 3] = w;
    _rotation[0] = x * flip;
    _rotation[1] = y;
    _rotation[2] = z * flip;
    _rotation[3] = w;
    node.quaternion.fromArray(_rotation);
  }

  const presets = rig.presetExpressions;
  for (let i = 0; i < presets.length; i++) {
    const expression = presets[i];
    if (expression) expression.weight = rig.presetDriven[i] ? clamp01(pose.expressions[i]) : 0;
  }
  const perfectSync = rig.perfectSync;
  for (let i = 0; i < perfectSync.length; i++) {
    const expression = perfectSync[i];
    if (expression) expression.weight = clamp01(pose.blendshapes[i]);
  }

  const lookAt = rig.vrm.lookAt;
  if (lookAt) {
    // three-vrm's pitch is positive downward; ours is positive upward. Yaw agrees (+ toward +X).
    lookAt.yaw = pose.gazeYaw * MathUtils.RAD2DEG;
    lookAt.pitch = -pose.gazePitch * MathUtils.RAD2DEG;
  }
}
