import { quatFromBasis, type QuatOut } from '@rigcast/math';
import { HandLandmarkIndex as H } from './HandLandmarkIndex';

// Scratch, used within one call only.
const _x = new Float64Array(3);
const _y = new Float64Array(3);
const _z = new Float64Array(3);

/**
 * The orientation of the palm frame of a **left** hand (a right hand reflected first) from its
 * landmarks (flat `[x, y, z] × 21`): X from the wrist to the middle knuckle, Y the back of the hand,
 * the normal (index knuckle − wrist) × (little knuckle − wrist) made perpendicular to X, and Z = X × Y
 * toward the thumb. (VMagicMirror's palm frame; for a right hand the normal is negated, which is
 * what reflecting it does.) Returns false, leaving `out`, when the points are degenerate.
 */
export function palmFrame(out: QuatOut, points: ArrayLike<number>): boolean {
  const w = H.Wrist * 3, m = H.MiddleMcp * 3, i = H.IndexMcp * 3, l = H.LittleMcp * 3;
  _x[0] = points[m] - points[w]; _x[1] = points[m + 1] - points[w + 1]; _x[2] = points[m + 2] - points[w + 2];
  const ax = points[i] - points[w], ay = points[i + 1] - points[w + 1], az = points[i + 2] - points[w + 2];
  const bx = points[l] - points[w], by = points[l + 1] - points[w + 1], bz = points[l + 2] - points[w + 2];
  _y[0] = ay * bz - az * by; _y[1] = az * bx - ax * bz; _y[2] = ax * by - ay * bx;
  const xLength = Math.hypot(_x[0], _x[1], _x[2]);
  if (!(xLength > 0)) return false;
  for (let k = 0; k < 3; k++) _x[k] /= xLength;
  const along = _y[0] * _x[0] + _y[1] * _x[1] + _y[2] * _x[2];
  for (let k = 0; k < 3; k++) _y[k] -= along * _x[k];
  const yLength = Math.hypot(_y[0], _y[1], _y[2]);
  if (!(yLength > 0) || !Number.isFinite(yLength)) return false;
  for (let k = 0; k < 3; k++) _y[k] /= yLength;
  _z[0] = _x[1] * _y[2] - _x[2] * _y[1];
  _z[1] = _x[2] * _y[0] - _x[0] * _y[2];
  _z[2] = _x[0] * _y[1] - _x[1] * _y[0];
  quatFromBasis(out, _x, _y, _z);
  return true;
}
