import { quatFromHeadAngles, quatToHeadAngles, type HeadAngles, type QuatIn, type QuatOut } from '@rigcast/math';
import type { EyeGaze } from '@rigcast/protocol';

const _angles: HeadAngles = { yaw: 0, pitch: 0, roll: 0 };

/**
 * The eye bone's local rotation for a gaze: a turn by `yaw` about +Y (toward the avatar's left),
 * then by `pitch` up. Head angles tip down for positive pitch, gaze looks up: hence the sign.
 */
export function eyeRotationFromGaze<T extends QuatOut>(out: T, gaze: Readonly<EyeGaze>): T {
  return quatFromHeadAngles(out, gaze.yaw, -gaze.pitch, 0);
}

/** The gaze of an eye bone's local rotation (its roll, which gaze cannot express, is dropped). Writes into `out`. */
export function gazeFromEyeRotation(out: EyeGaze, rotation: QuatIn): EyeGaze {
  quatToHeadAngles(_angles, rotation);
  out.yaw = _angles.yaw;
  out.pitch = -_angles.pitch;
  return out;
}
