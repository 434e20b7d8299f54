import { HUMANOID_BONE_NAMES, humanoidBoneIndex } from '@rigcast/protocol';

/**
 * How far the upper arms hang below the T-pose when the tracker sends no arm rotations.
 * A T-posing streamer looks broken; arms relaxed at the sides do not.
 */
export const REST_ARM_DROP_RAD = (70 * Math.PI) / 180;

const LEFT_UPPER_ARM = humanoidBoneIndex('leftUpperArm');
const RIGHT_UPPER_ARM = humanoidBoneIndex('rightUpperArm');
const STRIDE = 4;
const BONE_COUNT = HUMANOID_BONE_NAMES.length;

/**
 * Writes the rest pose into flat rotations: identity everywhere except the upper arms, which
 * hang down. The left arm points +X, so it drops by a negative rotation about +Z; the right arm
 * by a positive one.
 */
export function writeRestRotations(rotations: Float64Array): void {
  for (let i = 0; i < rotations.length; i += STRIDE) {
    rotations[i] = 0;
    rotations[i + 1] = 0;
    rotations[i + 2] = 0;
    rotations[i + 3] = 1;
  }
  const halfSin = Math.sin(REST_ARM_DROP_RAD / 2);
  const halfCos = Math.cos(REST_ARM_DROP_RAD / 2);
  rotations[LEFT_UPPER_ARM * STRIDE + 2] = -halfSin;
  rotations[LEFT_UPPER_ARM * STRIDE + 3] = halfCos;
  rotations[RIGHT_UPPER_ARM * STRIDE + 2] = halfSin;
  rotations[RIGHT_UPPER_ARM * STRIDE + 3] = halfCos;
}

/** The rest pose's rotations, `[x, y, z, w]` per humanoid bone in wire order: read it, never write it. */
export const REST_ROTATIONS: Readonly<Float64Array> = (() => {
  const rotations = new Float64Array(BONE_COUNT * STRIDE);
  writeRestRotations(rotations);
  return rotations;
})();
