import { quatFromAxisAngle, type QuatOut, type Vec3In } from '@rigcast/math';
import { BodySide } from './BodySide';

/**
 * How much of the arm's elevation above the horizontal the clavicle (the VRM `shoulder` bone)
 * takes: a human shoulder girdle rises as the arm goes above the shoulder (scapulohumeral rhythm,
 * about 1 : 2 above 90° of abduction). A quarter gives 22.5° with the arm straight up; below the
 * horizontal the clavicle stays at rest. The upper arm takes the rest of the elevation.
 */
export const CLAVICLE_ELEVATION_SHARE = 0.25;

const FORWARD = Float64Array.of(0, 0, 1);
const BACKWARD = Float64Array.of(0, 0, -1);

/**
 * The clavicle's rotation (local to the upperChest) for an arm pointing along the unit `armDir`,
 * given in the upperChest's frame: a raise about the forward axis by
 * {@link CLAVICLE_ELEVATION_SHARE} of the arm's elevation above the horizontal.
 * @internal
 */
export function clavicleRaise(out: QuatOut, armDir: Vec3In, side: BodySide): QuatOut {
  const elevation = Math.asin(Math.max(-1, Math.min(1, armDir[1])));
  // The left arm points +X: raising it turns +X toward +Y, about +Z; the right about −Z.
  return quatFromAxisAngle(out, side === BodySide.Left ? FORWARD : BACKWARD, CLAVICLE_ELEVATION_SHARE * Math.max(0, elevation));
}
