import { quatFromVectorPairs, vec3Cross, vec3Normalize, vec3Sub, type QuatOut, type Vec3In } from '@rigcast/math';

const _forward = new Float64Array(3);
const _toAnkle = new Float64Array(3);
const _normal = new Float64Array(3);

/**
 * The foot's world rotation (from its rest pose) from the heel, toe-tip and ankle landmarks: the
 * rest heel → toe direction turns to the observed one, and the rest normal of the heel–toe–ankle
 * plane to the observed normal, which fixes the foot's roll. Returns false, leaving `out`
 * unchanged, when the three points are (nearly) in a line. @internal
 */
export function footRotation(
  out: QuatOut,
  heel: Vec3In,
  toeTip: Vec3In,
  ankle: Vec3In,
  restForward: Vec3In,
  restNormal: Vec3In,
): boolean {
  if (vec3Normalize(_forward, vec3Sub(_forward, toeTip, heel)) === 0) return false;
  vec3Sub(_toAnkle, ankle, heel);
  if (vec3Normalize(_normal, vec3Cross(_normal, _forward, _toAnkle)) < 1e-6) return false;
  quatFromVectorPairs(out, restForward, _forward, restNormal, _normal);
  return true;
}
