import { DEG, type Vec3Out } from '@rigcast/math';

/**
 * How far behind the torso's plane (the plane of the shoulders and the spine, measured from the
 * upperChest's frame) an arm segment may point before its depth is no longer trusted as is.
 * MediaPipe's world z is its least trustworthy axis: trusted fully, it swings arms behind the back
 * (XR Animator #55). Up to {@link ARM_BEHIND_TRUSTED_RAD} nothing changes (human shoulders extend
 * about 50–60° from hanging, so real poses stay within it); beyond, the angle is compressed
 * smoothly toward {@link ARM_BEHIND_LIMIT_RAD}, which it never passes.
 */
export const ARM_BEHIND_TRUSTED_RAD = 35 * DEG;
/** The most an arm segment can point behind the torso's plane. See {@link ARM_BEHIND_TRUSTED_RAD}. */
export const ARM_BEHIND_LIMIT_RAD = 50 * DEG;

/**
 * Softly limits how far the unit direction `dir` (in the upperChest's frame, +Z forward) points
 * behind the torso's plane, in place (see {@link ARM_BEHIND_TRUSTED_RAD}). Returns true when it
 * changed it. @internal
 */
export function limitBehindTorso(dir: Vec3Out): boolean {
  const behind = Math.asin(Math.max(-1, Math.min(1, -dir[2])));
  if (behind <= ARM_BEHIND_TRUSTED_RAD) return false;
  const span = ARM_BEHIND_LIMIT_RAD - ARM_BEHIND_TRUSTED_RAD;
  const limited = ARM_BEHIND_TRUSTED_RAD + span * Math.tanh((behind - ARM_BEHIND_TRUSTED_RAD) / span);
  const inPlane = Math.hypot(dir[0], dir[1]);
  if (inPlane < 1e-9) {
    // Straight back: lean it down, the way an arm reaches behind.
    dir[0] = 0; dir[1] = -Math.cos(limited); dir[2] = -Math.sin(limited);
    return true;
  }
  const k = Math.cos(limited) / inPlane;
  dir[0] *= k; dir[1] *= k; dir[2] = -Math.sin(limited);
  return true;
}
