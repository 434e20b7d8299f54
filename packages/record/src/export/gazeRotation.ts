import { quatFromAxisAngle, quatMultiply, type QuatOut } from '@rigcast/math';

const Y_AXIS = [0, 1, 0] as const;
const X_AXIS = [1, 0, 0] as const;
const _yaw = [0, 0, 0, 1];
const _pitch = [0, 0, 0, 1];

/**
 * The rotation that turns the rest gaze (+Z) to look `yaw` toward the avatar's left (+X) and
 * `pitch` up, radians: yaw about Y after pitch about X, the intrinsic Y-X order VRM's lookAt uses
 * (its Euler order YXZ, where a positive turn about X looks down). Allocates nothing.
 */
export function gazeRotation<T extends QuatOut>(out: T, yaw: number, pitch: number): T {
  quatFromAxisAngle(_yaw, Y_AXIS, yaw);
  quatFromAxisAngle(_pitch, X_AXIS, -pitch);
  return quatMultiply(out, _yaw, _pitch);
}
