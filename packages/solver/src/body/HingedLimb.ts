import {
  DEG,
  quatConjugate,
  quatFromAxisAngle,
  quatFromUnitVectors,
  quatFromVectorPairs,
  quatInverseMultiply,
  quatMultiply,
  quatRotateVec3,
  quatTwistAngle,
  smoothstep01,
  vec3AngleBetween,
  vec3Cross,
  vec3Normalize,
  vec3ProjectOnPlane,
  vec3Sub,
  type QuatIn,
  type Vec3In,
} from '@rigcast/math';
import type { Quat } from '@rigcast/protocol';

/** Below this bend (at the elbow or knee) the bend plane says nothing about the limb's twist… */
export const STRAIGHT_LIMB_BEND_RAD = 10 * DEG;
/** …and from this bend on it says everything; in between, the two twists blend. */
export const BENT_LIMB_BEND_RAD = 20 * DEG;
/** How fast (ms, time constant) a held twist relaxes toward neutral while the limb stays straight. */
export const HELD_TWIST_RELAX_MS = 2000;
/**
 * The fastest the upper bone's twist may turn, rad/s (540°/s: 18° a frame at 30 fps). A twist
 * that changed while the limb was straight (unseen) is caught up with at this speed once it bends
 * again, instead of snapping; real twists of a bent arm at a desk are far slower.
 */
export const MAX_TWIST_SPEED_RAD_PER_S = 540 * DEG;

const _conj: Quat = [0, 0, 0, 1];
const _swing: Quat = [0, 0, 0, 1];
const _full: Quat = [0, 0, 0, 1];
const _twist: Quat = [0, 0, 0, 1];
const _upperDir = new Float64Array(3);
const _lowerDir = new Float64Array(3);
const _normal = new Float64Array(3);
const _local = new Float64Array(3);

/** The angle in (−π, π] equal to `a` modulo 2π. */
function wrapAngle(a: number): number {
  const w = a - 2 * Math.PI * Math.round(a / (2 * Math.PI));
  return w <= -Math.PI ? w + 2 * Math.PI : w;
}

/**
 * Solves a two-bone limb with a hinge in the middle (upper arm + forearm at the elbow, thigh +
 * shin at the knee) from three observed points, as rotations local to the parent:
 *
 * - **Swing**: the upper bone turns from its rest direction to the observed one.
 * - **Twist** of the upper bone comes from the **bend plane**: the rest hinge axis must land on
 *   the plane's normal (upper × lower direction), so a bent elbow or knee fixes the twist
 *   exactly. A straight limb has no bend plane; below {@link BENT_LIMB_BEND_RAD} the twist blends
 *   toward a reference that stays well defined: the caller's hinge reference (the foot's axis for
 *   a leg), or else the last twist, relaxing toward neutral (twist 0 about the shortest swing from
 *   rest, which is how the relaxed rest pose hangs) over {@link HELD_TWIST_RELAX_MS}. No up vector
 *   that could go collinear with the limb is used. The twist turns at most
 *   {@link MAX_TWIST_SPEED_RAD_PER_S}, so a twist re-seen after a straight spell catches up smoothly.
 * - The **lower bone** turns by the shortest rotation from its rest direction to the observed
 *   one, in the upper bone's frame: about the hinge when bent. Its own twist (forearm pronation) is
 *   not seen in three points and stays 0.
 *
 * Everything is in one space (the solver's camera space); the instance keeps only the held twist.
 * @internal
 */
export class HingedLimb {
  /** The upper bone's rotation, local to the parent. */
  readonly upper: Quat = [0, 0, 0, 1];
  /** The lower bone's rotation, local to the upper bone. */
  readonly lower: Quat = [0, 0, 0, 1];
  /** The bend at the middle joint in the last solve, radians (0 = straight). */
  bend = 0;
  private _twist = 0;
  private _twistFound = 0;
  private _solved = false;

  constructor(
    private readonly _restUpper: Float64Array,
    private readonly _restLower: Float64Array,
    private readonly _restHinge: Float64Array,
  ) {}

  /**
   * Solves the limb from the observed root, middle and end points, with `parent` the parent
   * bone's world rotation. `straightHinge` (a world direction, or null) is where the hinge axis
   * points when the limb is straight; `dtMs` is the time since the last solve (for the relaxing
   * twist). Returns false, changing nothing, when two points coincide.
   */
  solve(parent: QuatIn, root: Vec3In, middle: Vec3In, end: Vec3In, straightHinge: Vec3In | null, dtMs: number): boolean {
    if (vec3Normalize(_upperDir, vec3Sub(_upperDir, middle, root)) === 0) return false;
    if (vec3Normalize(_lowerDir, vec3Sub(_lowerDir, end, middle)) === 0) return false;
    // Into the parent's frame.
    quatConjugate(_conj, parent);
    quatRotateVec3(_upperDir, _conj, _upperDir);
    quatRotateVec3(_lowerDir, _conj, _lowerDir);
    const rest = this._restUpper;
    this.bend = vec3AngleBetween(_upperDir, _lowerDir);
    quatFromUnitVectors(_swing, rest, _upperDir);

    let reference: number;
    if (straightHinge !== null && this.planeTwist(quatRotateVec3(_normal, _conj, straightHinge), true)) {
      reference = this._twistFound;
    } else {
      reference = this._twist * Math.exp(-Math.max(0, dtMs) / HELD_TWIST_RELAX_MS);
    }
    const weight = smoothstep01((this.bend - STRAIGHT_LIMB_BEND_RAD) / (BENT_LIMB_BEND_RAD - STRAIGHT_LIMB_BEND_RAD));
    let twist = reference;
    if (weight > 0 && this.planeTwist(vec3Cross(_normal, _upperDir, _lowerDir), false)) {
      twist = reference + weight * wrapAngle(this._twistFound - reference);
    }
    if (this._solved && dtMs > 0) {
      const limit = (MAX_TWIST_SPEED_RAD_PER_S * dtMs) / 1000;
      const change = wrapAngle(twist - this._twist);
      if (Math.abs(change) > limit) twist = this._twist + Math.sign(change) * limit;
    }
    this._solved = true;
    this._twist = wrapAngle(twist);
    quatMultiply(this.upper, _swing, quatFromAxisAngle(_twist, rest, this._twist));
    // The lower bone in the upper bone's frame.
    quatRotateVec3(_local, quatConjugate(_full, this.upper), _lowerDir);
    quatFromUnitVectors(this.lower, this._restLower, _local);
    return true;
  }

  /** Forgets the held twist. */
  reset(): void {
    this._twist = 0;
    this._solved = false;
  }

  /**
   * The upper bone's twist (about its rest direction, after the swing in `_swing`) that puts the
   * rest hinge on `normal` (parent frame; made perpendicular to the limb when `project`), into
   * `_twistFound`. False when the normal has no usable length.
   */
  private planeTwist(normal: Float64Array, project: boolean): boolean {
    if (project) vec3ProjectOnPlane(normal, normal, _upperDir);
    if (vec3Normalize(normal, normal) < 1e-9) return false;
    quatFromVectorPairs(_full, this._restUpper, _upperDir, this._restHinge, normal);
    this._twistFound = quatTwistAngle(quatInverseMultiply(_full, _swing, _full), this._restUpper);
    return true;
  }
}
