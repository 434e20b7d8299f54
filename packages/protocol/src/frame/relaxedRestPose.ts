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

/**
 * How far each thumb bone bends toward the palm in the relaxed rest pose. A thumb at the T-pose
 * sticks out stiffly in the palm's plane; at ease it droops toward the palm.
 */
export const REST_THUMB_CURL_RAD = { metacarpal: 20 * DEG, proximal: 10 * DEG, distal: 10 * DEG } as const;

const FINGER_SEGMENT = /^(left|right)(Index|Middle|Ring|Little)(Proximal|Intermediate|Distal)$/;
const THUMB_SEGMENT = /^(left|right)Thumb(Metacarpal|Proximal|Distal)$/;
/** sin 45°: the VRM 1.0 T-pose thumb points 45° between the hand's +X and +Z (forward). */
const HALF_SQRT2 = Math.SQRT1_2;

/**
 * The relaxed rest rotation of one VRM normalized bone, local to its parent, into `out`: what an
 * avatar shows, and what the tracker eases a lost part to, for a part nobody tracks. Identity
 * everywhere (the T-pose) except:
 * - the upper arms, which hang down by {@link REST_ARM_DROP_RAD}: the left arm points +X, so it
 *   drops by a negative turn about +Z, the right arm by a positive one;
 * - the index, middle, ring and little fingers, curled toward the palm (which faces −Y in the
 *   T-pose) by {@link REST_FINGER_CURL_RAD}, with the same signs;
 * - the thumbs, curled toward the palm by {@link REST_THUMB_CURL_RAD} about the axis across the
 *   thumb in the palm plane: (1, 0, ∓1)/√2 on the left / right (the T-pose thumb points (±1, 0, 1)/√2).
 * Legs, spine, neck and head rest at identity.
 */
export function relaxedRestRotation(bone: HumanoidBoneName, out: Quat): Quat {
  const thumb = THUMB_SEGMENT.exec(bone);
  if (thumb) {
    const half = REST_THUMB_CURL_RAD[thumb[2].toLowerCase() as keyof typeof REST_THUMB_CURL_RAD] / 2;
    const s = Math.sin(half) * HALF_SQRT2;
    out[0] = s;
    out[1] = 0;
    out[2] = thumb[1] === 'left' ? -s : s;
    out[3] = Math.cos(half);
    return out;
  }
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
