import { vec3Cross, vec3Normalize, vec3Sub, type Vec3In } from '@rigcast/math';
import type { BodyRestPose } from './BodyRestPose';
import { BODY_SIDES } from './BodySide';

/** +Z: the way the avatar faces, where a bent elbow takes the forearm. */
const FORWARD = Float64Array.of(0, 0, 1);
/** −Z: where a bent knee takes the shin. */
const BACKWARD = Float64Array.of(0, 0, -1);

type PerSide = [Float64Array, Float64Array];
const perSide = (): PerSide => [new Float64Array(3), new Float64Array(3)];

/**
 * A point of the rest pose on a side (0 = left as given, 1 = its mirror image), copied into a
 * typed array: the solver hands the shared math typed arrays only (V8 boxes numbers when one
 * call site sees several kinds of arrays).
 */
function sidePoint(out: Float64Array, p: Vec3In, side: number): Float64Array {
  out[0] = side === 0 ? p[0] : -p[0];
  out[1] = p[1];
  out[2] = p[2];
  return out;
}

/** `to − from` on a side, normalized; throws when the two points coincide (a broken rest pose). */
function direction(out: Float64Array, from: Vec3In, to: Vec3In, side: number, what: string): void {
  const a = sidePoint(new Float64Array(3), from, side);
  const b = sidePoint(new Float64Array(3), to, side);
  if (vec3Normalize(out, vec3Sub(out, b, a)) === 0) throw new RangeError(`BodyRestPose: the ${what} has zero length`);
}

/**
 * The rest directions and chain offsets the body solver needs, derived once from a
 * {@link BodyRestPose}. Per-side arrays are indexed by {@link BodySide} (camera space: the
 * subject's left is +X). @internal
 */
export class BodyRestGeometry {
  /** Rest direction of each bone, unit vectors. */
  readonly upperArm = perSide();
  readonly lowerArm = perSide();
  readonly upperLeg = perSide();
  readonly lowerLeg = perSide();
  /** The elbow's hinge axis at rest (upper arm × forward): bending turns the forearm forward about it. */
  readonly elbowHinge = perSide();
  /** The knee's hinge axis at rest (thigh × backward). */
  readonly kneeHinge = perSide();
  /** The foot's rest frame: heel → toe tip, and the normal of the heel–toe–ankle plane. */
  readonly footForward = perSide();
  readonly footNormal = perSide();
  // The torso's chain, offsets between consecutive joints (metres).
  /** From the hip centre (between the thigh joints) to the spine joint. */
  readonly hipCentreToSpine = new Float64Array(3);
  readonly spineToChest = new Float64Array(3);
  readonly chestToUpperChest = new Float64Array(3);
  /** From the upperChest joint to each shoulder (clavicle) joint. */
  readonly upperChestToShoulder = perSide();
  /** Along each clavicle, from the shoulder joint to the upper arm joint (the shoulder landmark). */
  readonly clavicle = perSide();
  /** Rest direction of the line from the right thigh joint to the left one (the hip landmarks). */
  readonly hipLine = new Float64Array(3);

  constructor(rest: Readonly<BodyRestPose>) {
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    for (const s of BODY_SIDES) {
      direction(this.upperArm[s], rest.leftUpperArm, rest.leftLowerArm, s, 'upper arm');
      direction(this.lowerArm[s], rest.leftLowerArm, rest.leftHand, s, 'lower arm');
      direction(this.upperLeg[s], rest.leftUpperLeg, rest.leftLowerLeg, s, 'upper leg');
      direction(this.lowerLeg[s], rest.leftLowerLeg, rest.leftFoot, s, 'lower leg');
      vec3Normalize(this.elbowHinge[s], vec3Cross(this.elbowHinge[s], this.upperArm[s], FORWARD));
      vec3Normalize(this.kneeHinge[s], vec3Cross(this.kneeHinge[s], this.upperLeg[s], BACKWARD));
      direction(this.footForward[s], rest.leftHeel, rest.leftFootTip, s, 'foot (heel to toe tip)');
      vec3Sub(a, sidePoint(a, rest.leftFoot, s), sidePoint(b, rest.leftHeel, s));
      if (vec3Normalize(this.footNormal[s], vec3Cross(this.footNormal[s], this.footForward[s], a)) === 0) {
        throw new RangeError('BodyRestPose: the ankle must not lie on the heel–toe line');
      }
      vec3Sub(this.upperChestToShoulder[s], sidePoint(a, rest.leftShoulder, s), sidePoint(b, rest.upperChest, 0));
      vec3Sub(this.clavicle[s], sidePoint(a, rest.leftUpperArm, s), sidePoint(b, rest.leftShoulder, s));
    }
    // The hip centre is the middle of the two (mirror-image) thigh joints: x = 0.
    const point = (p: Vec3In) => Float64Array.of(p[0], p[1], p[2]);
    vec3Sub(this.hipCentreToSpine, point(rest.spine), Float64Array.of(0, rest.leftUpperLeg[1], rest.leftUpperLeg[2]));
    vec3Sub(this.spineToChest, point(rest.chest), point(rest.spine));
    vec3Sub(this.chestToUpperChest, point(rest.upperChest), point(rest.chest));
    if (!(rest.leftUpperLeg[0] > 0) || !(rest.leftUpperArm[0] > 0)) {
      throw new RangeError('BodyRestPose: the left thigh and upper arm joints must be at +X (the avatar faces +Z)');
    }
    this.hipLine.set([1, 0, 0]);
  }
}
