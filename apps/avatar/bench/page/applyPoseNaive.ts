import { ARKIT_BLENDSHAPE_NAMES, HUMANOID_BONE_NAMES, RIG_EXPRESSION_NAMES } from '@rigcast/protocol';
import { MathUtils } from 'three';
import { QUAT_STRIDE, type RigPose } from '@rigcast/pose';
import type { AvatarRig } from '../../src/rig';

/**
 * The benchmark's baseline: the same result as {@link applyPoseToRig}, written the way a first
 * version would, looking every bone and expression up by name on every frame.
 */
export function applyPoseNaive(pose: RigPose, rig: AvatarRig): void {
  const vrm = rig.vrm;
  const flip = vrm.meta.metaVersion === '0' ? -1 : 1;
  HUMANOID_BONE_NAMES.forEach((name, bone) => {
    if (name === 'leftEye' || name === 'rightEye') return;
    const node = vrm.humanoid.getNormalizedBoneNode(name);
    if (!node) return;
    const o = bone * QUAT_STRIDE;
    const r = pose.rotations;
    node.quaternion.set(r[o] * flip, r[o + 1], r[o + 2] * flip, r[o + 3]);
  });
  const manager = vrm.expressionManager;
  if (manager) {
    const names = rig.perfectSyncNames();
    RIG_EXPRESSION_NAMES.forEach((name, i) => manager.setValue(name, rig.presetDriven[i] ? pose.expressions[i] : 0));
    ARKIT_BLENDSHAPE_NAMES.forEach((name, i) => {
      const own = names[name];
      if (own) manager.setValue(own, pose.blendshapes[i]);
    });
  }
  if (vrm.lookAt) {
    vrm.lookAt.yaw = pose.gazeYaw * MathUtils.RAD2DEG;
    vrm.lookAt.pitch = -pose.gazePitch * MathUtils.RAD2DEG;
  }
}
