import type { Quat } from './RigFrame.js';
import { HUMANOID_BONE_NAMES, type HumanoidBoneName } from '../names/HumanoidBoneName.js';

const DEG = Math.PI / 180;

/**
 * How far the upper arms hang below the T-pose in the relaxed rest pose. A T-posing streamer
 * looks broken; arms relaxed at the sides do not.
 */
export const REST_ARM_DROP_RAD = 70 * DEG;

/** How far each finger joint bends toward the palm in the relaxed rest pose: a hand at ease is slightly curled. */
export const REST_FINGER_CURL_RAD = { proximal: 10 * DEG, intermediate: 16 * DEG, distal: 10 * DEG } as const;

const FINGER_SEGMENT = /^(left|right)(Index|Middle|Ring|Little)(Proximal|Intermediate|Distal)$/;

/**
 * The relaxed rest rotation of one VRM normalized bone, local to its parent, into `out`: what an
 * avatar shows, and what the tracker eases a lost part to, for a part nobody tracks. Identity
 * everywhere (the T-pose) except:
 * - the upper arms, which hang down by {@link REST_ARM_DROP_RAD}: the left arm points +X, so it
 *   drops by a negative turn about +Z, the right arm by a positive one;
 * - the index, middle, ring and little fingers, curled toward the palm (which faces −Y in the
 *   T-pose) by {@link REST_FINGER_CURL_RAD}, with the same signs.
 * Thumbs, legs, spine, neck and head rest at identity.
 */
export function relaxedRestRotation(bone: HumanoidBoneName, out: Quat): Quat {
  let angle = 0;
  if (bone === 'leftUpperArm' || bone === 'rightUpperArm') angle = REST_ARM_DROP_RAD;
  else {
    const finger = FINGER_SEGMENT.exec(bone);
    if (finger) angle = REST_FINGER_CURL_RAD[finger[3].toLowerCase() as keyof typeof REST_FINGER_CURL_RAD];
  }
  const sign = bone.startsWith('left') ? -1 : 1;
  out[0] = 0;
  out[1] = 0;
  out[2] = angle === 0 ? 0 : sign * Math.sin(angle / 2);
  out[3] = Math.cos(angle / 2);
  return out;
}

/**
 * {@link relaxedRestRotation} of every humanoid bone in wire order, 4 floats each: computed once,
 * so poses can be reset to rest every frame with a copy.
 */
export const RELAXED_REST_ROTATIONS: Readonly<Float64Array> = (() => {
  const table = new Float64Array(HUMANOID_BONE_NAMES.length * 4);
  const q: Quat = [0, 0, 0, 1];
  HUMANOID_BONE_NAMES.forEach((bone, i) => table.set(relaxedRestRotation(bone, q), i * 4));
  return table;
})();
