import {
  DEG,
  quatConjugate,
  quatFromUnitVectors,
  quatFromVectorPairs,
  quatInverseMultiply,
  quatMultiply,
  quatRotateVec3,
  vec3Cross,
  vec3ProjectOnPlane,
  vec3Sub,
  type QuatIn,
  type Vec3In,
} from '@rigcast/math';
import { quatBuffer } from './quatBuffer';

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

const _conj = quatBuffer();
const _swing = quatBuffer();
const _full = quatBuffer();
const _twist = quatBuffer();
const _upperDir = new Float64Array(3);
const _lowerDir = new Float64Array(3);
const _normal = new Float64Array(3);
const _local = new Float64Array(3);

const TWO_PI = 2 * Math.PI;
const BLEND_SPAN_RAD = BENT_LIMB_BEND_RAD - STRAIGHT_LIMB_BEND_RAD;

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
  readonly upper = quatBuffer();
  /** The lower bone's rotation, local to the upper bone. */
  readonly lower = quatBuffer();
  /** The bend at the middle joint in the last solve, radians (0 = straight). */
  bend = 0;
  /** Time since the previous solve, ms: set before {@link solve} (for the relaxing and the speed-limited twist). */
  elapsedMs = 0;
  private _twist = 0;
  private _twistFound = 0;
  private _solved = false;

  constructor(
    private readonly _restUpper: Float64Array,
    private readonly _restLower: Float64Array,
    private readonly _restHinge: Float64Array,
  ) {}

  // The per-frame arithmetic is written out here rather than handed to the math helpers that take
  // or return single numbers: V8 boxes a number at every such call it does not inline.

  /**
   * Solves the limb from the observed root, middle and end points, with `parent` the parent
   * bone's world rotation. `straightHinge` (a world direction, or null) is where the hinge axis
   * points when the limb is straight. Returns false, changing nothing, when two points coincide.
   */
  solve(parent: QuatIn, root: Vec3In, middle: Vec3In, end: Vec3In, straightHinge: Vec3In | null): boolean {
    const u = vec3Sub(_upperDir, middle, root);
    const l = vec3Sub(_lowerDir, end, middle);
    const lu = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
    const ll = Math.sqrt(l[0] * l[0] + l[1] * l[1] + l[2] * l[2]);
    if (!(lu > 0) || !(ll > 0)) return false;
    for (let i = 0; i < 3; i++) {
      u[i] /= lu;
      l[i] /= ll;
    }
    // Into the parent's frame.
    quatConjugate(_conj, parent);
    quatRotateVec3(u, _conj, u);
    quatRotateVec3(l, _conj, l);
    const rest = this._restUpper;
    const n = vec3Cross(_normal, u, l);
    const bend = Math.atan2(Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]), u[0] * l[0] + u[1] * l[1] + u[2] * l[2]);
    this.bend = bend;
    quatFromUnitVectors(_swing, rest, u);

    const dt = this.elapsedMs > 0 ? this.elapsedMs : 0;
    // The bend plane's twist first (its normal is in `_normal` already), then the reference.
    const weightT = (bend - STRAIGHT_LIMB_BEND_RAD) / BLEND_SPAN_RAD;
    const clamped = weightT < 0 ? 0 : weightT > 1 ? 1 : weightT;
    let weight = clamped * clamped * (3 - 2 * clamped);
    let found = 0;
    if (weight > 0 && this.planeTwist(n, false)) found = this._twistFound;
    else weight = 0;
    let reference: number;
    if (straightHinge !== null && this.planeTwist(quatRotateVec3(_normal, _conj, straightHinge), true)) {
      reference = this._twistFound;
    } else {
      reference = this._twist * Math.exp(-dt / HELD_TWIST_RELAX_MS);
    }
    let difference = found - reference;
    difference -= TWO_PI * Math.round(difference / TWO_PI);
    let twist = reference + weight * difference;
    if (this._solved && dt > 0) {
      const limit = (MAX_TWIST_SPEED_RAD_PER_S * dt) / 1000;
      let change = twist - this._twist;
      change -= TWO_PI * Math.round(change / TWO_PI);
      if (change > limit) twist = this._twist + limit;
      else if (change < -limit) twist = this._twist - limit;
    }
    twist -= TWO_PI * Math.round(twist / TWO_PI);
    this._solved = true;
    this._twist = twist;
    // upper = swing · (the turn by `twist` about the rest direction).
    const half = twist / 2;
    const sin = Math.sin(half);
    const t = _twist;
    t[0] = rest[0] * sin; t[1] = rest[1] * sin; t[2] = rest[2] * sin; t[3] = Math.cos(half);
    quatMultiply(this.upper, _swing, t);
    // The lower bone in the upper bone's frame.
    quatRotateVec3(_local, quatConjugate(_full, this.upper), l);
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
   * `_twistFound`. False when the normal has no usable length. Overwrites `normal`.
   */
  private planeTwist(normal: Float64Array, project: boolean): boolean {
    if (project) vec3ProjectOnPlane(normal, normal, _upperDir);
    const length = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
    if (!(length > 1e-9)) return false;
    normal[0] /= length; normal[1] /= length; normal[2] /= length;
    quatFromVectorPairs(_full, this._restUpper, _upperDir, this._restHinge, normal);
    // The twist part of swing⁻¹ · full about the rest direction: 2·atan2(v·axis, w).
    const q = quatInverseMultiply(_full, _swing, _full);
    const r = this._restUpper;
    let angle = 2 * Math.atan2(q[0] * r[0] + q[1] * r[1] + q[2] * r[2], q[3]);
    angle -= TWO_PI * Math.round(angle / TWO_PI);
    this._twistFound = angle;
    return true;
  }
}
