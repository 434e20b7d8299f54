import { clamp, quatFromAxisAngle, quatFromRotationVector, quatMultiply, quatSwingTwist, quatToRotationVector, quatTwistAngle } from '@rigcast/math';
import type { Quat } from '@rigcast/protocol';
import { FOREARM_TWIST_SHARE, WRIST_LIMITS } from './HandJointLimits';

/** The forearm's axis in the lowerArm's frame, for a left arm (the canonical side). */
const FOREARM_AXIS = [1, 0, 0] as const;

// Scratch, used within one call only.
const _inverse: Quat = [0, 0, 0, 1];
const _swing: Quat = [0, 0, 0, 1];
const _twist: Quat = [0, 0, 0, 1];
const _vector = new Float64Array(3);

/**
 * Makes a left hand's rotation local to its lowerArm (`local`) anatomically possible, and returns
 * the twist (radians, about the forearm's +X) the lowerArm takes over.
 *
 * `local` is read as twist-then-swing, `Rx(τ) · swing`: the forearm's pronation or supination τ,
 * then the wrist's own bend, on axes that turn with the forearm. {@link FOREARM_TWIST_SHARE} of τ
 * moves to the lowerArm (`lowerArm · Rx(share)`), so `handOut = Rx(−share) · local` keeps the hand's
 * world rotation; what the wrist keeps is clamped to {@link WRIST_LIMITS}: the twist left over,
 * flexion (the swing about −Z, toward the palm) and extension, radial deviation (about −Y, toward
 * the thumb) and ulnar deviation. Within the limits the hand's world rotation is unchanged.
 * A right hand is constrained as its reflection.
 */
export function constrainWrist(handOut: Quat, local: Readonly<Quat>): number {
  // local⁻¹ = swing⁻¹ · twist⁻¹ is in swing–twist form: split it, then invert both parts.
  _inverse[0] = -local[0]; _inverse[1] = -local[1]; _inverse[2] = -local[2]; _inverse[3] = local[3];
  quatSwingTwist(_swing, _twist, _inverse, FOREARM_AXIS);
  const twist = -quatTwistAngle(_twist, FOREARM_AXIS);
  const share = FOREARM_TWIST_SHARE * twist;
  const kept = clamp(twist - share, -WRIST_LIMITS.twist, WRIST_LIMITS.twist);
  // The swing (inverted back), clamped per axis in rotation-vector form.
  _swing[0] = -_swing[0]; _swing[1] = -_swing[1]; _swing[2] = -_swing[2];
  quatToRotationVector(_vector, _swing);
  _vector[0] = 0;
  _vector[1] = clamp(_vector[1], -WRIST_LIMITS.radialDeviation, WRIST_LIMITS.ulnarDeviation);
  _vector[2] = clamp(_vector[2], -WRIST_LIMITS.flexion, WRIST_LIMITS.extension);
  quatFromRotationVector(_swing, _vector);
  quatFromAxisAngle(_twist, FOREARM_AXIS, kept);
  quatMultiply(handOut, _twist, _swing);
  return share;
}
