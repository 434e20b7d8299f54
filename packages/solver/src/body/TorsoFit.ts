import {
  quatFromRotationVector,
  quatFromVectorPairs,
  quatIdentity,
  quatMultiply,
  quatNormalize,
  quatRotateVec3,
  quatSlerp,
  vec3Add,
  vec3Cross,
  vec3Normalize,
  vec3Scale,
  vec3Sub,
  type QuatIn,
  type Vec3In,
} from '@rigcast/math';
import { quatBuffer } from './quatBuffer';
import type { BodyRestGeometry } from './BodyRestGeometry';
import { BodySide } from './BodySide';
import { TORSO_BEND_SHARES } from './TorsoBendShares';

const IDENTITY = quatBuffer();
/** The fractions of the bend the spine, and the spine and chest together, take (see TORSO_BEND_SHARES). */
const SPINE_FRACTION = TORSO_BEND_SHARES.spine;
const SPINE_AND_CHEST_FRACTION = TORSO_BEND_SHARES.spine + TORSO_BEND_SHARES.chest;
/** Step of the numerical derivatives, radians. */
const DERIVATIVE_STEP = 1e-6;
/** Gauss–Newton iterations from a fresh start, and after the clavicles change. */
export const TORSO_FIT_ITERATIONS = 4;
/**
 * Weight of the rules (a pelvis square to the camera when its landmarks are not used; the chord
 * in the pelvis' plane), against 1 for all the observed directions together: the rules hold
 * to a small fraction of a degree.
 */
const RULE_WEIGHT = 100;
/** Relative damping of the normal equations, so a degenerate view cannot divide by zero. */
const DAMPING = 1e-9;
const PARAMS = 6;
const RESIDUALS = 10;
/** The small rotations about +X, +Y and +Z that the numerical derivatives step by. */
const STEPS = [0, 1, 2].map((axis) => quatFromRotationVector(quatBuffer(), [axis === 0 ? DERIVATIVE_STEP : 0, axis === 1 ? DERIVATIVE_STEP : 0, axis === 2 ? DERIVATIVE_STEP : 0]));

/**
 * Fits the torso to the landmarks: the **pelvis** (its world rotation) and the **bend** of the
 * spine chain above it (the upperChest relative to the pelvis), together, by weighted least
 * squares over the observed directions — the hip line (right hip → left hip), the shoulder line
 * (right shoulder → left) and the chord (hip centre → shoulder centre), each weighted by its
 * inverse angular variance under landmark noise (a longer segment's direction suffers less) —
 * under two rules that the landmarks cannot check:
 * - the pelvis carries the forward or backward lean: in its frame, the chord lies in the plane of
 *   the hip line and the rest chord (the spine bends sideways and twists, it does not fold);
 * - when the hip landmarks are not used (`upper` mode: at a desk they are guesses), the pelvis
 *   is square to the camera (its hip line along the image's x).
 * The spine chain is modelled, not rigid: the bend divides by {@link TORSO_BEND_SHARES}, so a
 * side bend moves the chord less than the upper chest, and the clavicles move the shoulder
 * landmarks (see {@link setClavicles}). A few Gauss–Newton steps from a two-vector start; the
 * rules make it a maximum-likelihood estimate, so the noise of the four landmarks averages out
 * instead of passing into one direction. @internal
 */
export class TorsoFit {
  /** The fitted pelvis: its world rotation. */
  readonly pelvis = quatBuffer();
  /** The fitted bend: the upperChest's rotation relative to the pelvis. */
  readonly bend = quatBuffer();

  private readonly _g: BodyRestGeometry;
  /** The shoulder line in the upperChest's frame, given the clavicles, and its direction. */
  private readonly _shoulderLine = new Float64Array(3);
  private readonly _shoulderDirection = new Float64Array(3);
  /** The part of the chord carried rigidly by the upperChest (upperChest joint → shoulder centre). */
  private readonly _upperChestToShoulders = new Float64Array(3);
  /** The rest chord (clavicles at rest) and the normal of its plane with the hip line. */
  private readonly _restChord = new Float64Array(3);
  private readonly _planeNormal = new Float64Array(3);
  private readonly _hipObserved = new Float64Array(3);
  private readonly _lineObserved = new Float64Array(3);
  private readonly _chordObserved = new Float64Array(3);
  private _hipWeight = 1;
  private _lineWeight = 1;
  private _chordWeight = 1;
  private readonly _r = new Float64Array(RESIDUALS);
  private readonly _rStep = new Float64Array(RESIDUALS);
  private readonly _j = new Float64Array(RESIDUALS * PARAMS);
  private readonly _a = new Float64Array(PARAMS * (PARAMS + 1));
  private readonly _q = quatBuffer();
  private readonly _pelvisTry = quatBuffer();
  private readonly _bendTry = quatBuffer();
  private readonly _world = quatBuffer();
  private readonly _step = quatBuffer();
  private readonly _delta = new Float64Array(3);
  private readonly _v = new Float64Array(3);
  private readonly _w = new Float64Array(3);
  private readonly _p = new Float64Array(3);

  constructor(geometry: BodyRestGeometry) {
    this._g = geometry;
    this.setClavicles(IDENTITY, IDENTITY);
    vec3Normalize(this._restChord, this.chord(this._restChord, IDENTITY));
    vec3Normalize(this._planeNormal, vec3Cross(this._planeNormal, geometry.hipLine, this._restChord));
  }

  /** The rest chord's direction (clavicles at rest), in the pelvis' frame. */
  get restChord(): Readonly<Float64Array> {
    return this._restChord;
  }

  /** The normal of the plane the chord keeps to in the pelvis' frame (hip line × rest chord). */
  get planeNormal(): Readonly<Float64Array> {
    return this._planeNormal;
  }

  /** Sets the clavicle rotations (local to the upperChest) that place the shoulder landmarks. */
  setClavicles(left: QuatIn, right: QuatIn): void {
    const g = this._g;
    const l = quatRotateVec3(this._v, left, g.clavicle[BodySide.Left]);
    const r = quatRotateVec3(this._w, right, g.clavicle[BodySide.Right]);
    // Shoulder line: (shoulder offset + clavicle) left − the same right.
    const line = this._shoulderLine;
    vec3Sub(line, g.upperChestToShoulder[BodySide.Left], g.upperChestToShoulder[BodySide.Right]);
    vec3Add(line, line, l);
    vec3Sub(line, line, r);
    const mid = this._upperChestToShoulders;
    vec3Add(mid, g.upperChestToShoulder[BodySide.Left], g.upperChestToShoulder[BodySide.Right]);
    vec3Add(mid, mid, l);
    vec3Add(mid, mid, r);
    vec3Scale(mid, mid, 0.5);
    vec3Normalize(this._shoulderDirection, line);
  }

  /**
   * The chord (hip centre → shoulder centre, metres, unnormalized) the model gives for the bend
   * `d`, in the pelvis' frame.
   */
  chord(out: Float64Array, d: QuatIn): Float64Array {
    const g = this._g;
    const q = this._q;
    const p = this._p;
    out.set(g.hipCentreToSpine);
    quatSlerp(q, IDENTITY, d, SPINE_FRACTION);
    vec3Add(out, out, quatRotateVec3(p, q, g.spineToChest));
    quatSlerp(q, IDENTITY, d, SPINE_AND_CHEST_FRACTION);
    vec3Add(out, out, quatRotateVec3(p, q, g.chestToUpperChest));
    return vec3Add(out, out, quatRotateVec3(p, d, this._upperChestToShoulders));
  }

  /**
   * Fits {@link pelvis} and {@link bend} to the observed directions in camera space (any
   * length): `hipLine` (right hip → left hip, or null for a pelvis square to the camera),
   * `shoulderLine` and `chord`. `restart` starts from a two-vector answer; otherwise it refines
   * the current fit (after {@link setClavicles}). Returns false, leaving the fit unchanged, when
   * a direction has no length.
   */
  fit(hipLine: Vec3In | null, shoulderLine: Vec3In, chord: Vec3In, restart: boolean, iterations = TORSO_FIT_ITERATIONS): boolean {
    const lineLength = normalizeInto(this._lineObserved, shoulderLine);
    const chordLength = normalizeInto(this._chordObserved, chord);
    const hipLength = hipLine === null ? 0 : normalizeInto(this._hipObserved, hipLine);
    if (!(lineLength > 0) || !(chordLength > 0) || (hipLine !== null && !(hipLength > 0))) return false;
    if (hipLine === null) this._hipObserved.set(this._g.hipLine);
    // Each direction's weight is its inverse angular variance: length² over its noise. A line
    // between two landmarks carries both their noises (2σ²); the chord runs from the origin,
    // which MediaPipe puts at the hips' middle, to the shoulders' middle (σ²/2 + σ²/2).
    const line = (lineLength * lineLength) / 2;
    const chordWeight = chordLength * chordLength;
    const hip = (hipLength * hipLength) / 2;
    const total = line + chordWeight + hip;
    this._lineWeight = Math.sqrt(line / total);
    this._chordWeight = Math.sqrt(chordWeight / total);
    this._hipWeight = hipLine === null ? RULE_WEIGHT : Math.sqrt(hip / total);
    if (restart) {
      // The pelvis on the hip line and the chord's plane; the bend as one rigid block above it.
      quatFromVectorPairs(this.pelvis, this._g.hipLine, this._hipObserved, this._restChord, this._chordObserved, 1, 0);
      const pelvisInverse = this._q;
      pelvisInverse[0] = -this.pelvis[0]; pelvisInverse[1] = -this.pelvis[1]; pelvisInverse[2] = -this.pelvis[2]; pelvisInverse[3] = this.pelvis[3];
      quatRotateVec3(this._v, pelvisInverse, this._lineObserved);
      quatRotateVec3(this._w, pelvisInverse, this._chordObserved);
      quatFromVectorPairs(this.bend, this._shoulderDirection, this._v, this._restChord, this._w);
    }
    for (let k = 0; k < iterations; k++) this.gaussNewtonStep();
    return true;
  }

  // Kept free of calls that take or return a number: in a loop this hot, each would box one.
  private residuals(out: Float64Array, pelvis: QuatIn, bend: QuatIn): void {
    const world = quatMultiply(this._world, pelvis, bend);
    // Hip line: the pelvis' rest hip line, against the observed one.
    const hip = quatRotateVec3(this._v, pelvis, this._g.hipLine);
    const hw = this._hipWeight, lw = this._lineWeight, cw = this._chordWeight;
    const ho = this._hipObserved, lo = this._lineObserved, co = this._chordObserved;
    out[0] = hw * (hip[0] - ho[0]); out[1] = hw * (hip[1] - ho[1]); out[2] = hw * (hip[2] - ho[2]);
    // Shoulder line (a unit vector turned stays a unit vector).
    const line = quatRotateVec3(this._v, world, this._shoulderDirection);
    out[3] = lw * (line[0] - lo[0]); out[4] = lw * (line[1] - lo[1]); out[5] = lw * (line[2] - lo[2]);
    // Chord, and the rule that it keeps to the pelvis' plane.
    const c = this.chord(this._w, bend);
    const length = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
    c[0] /= length; c[1] /= length; c[2] /= length;
    const n = this._planeNormal;
    out[9] = RULE_WEIGHT * (c[0] * n[0] + c[1] * n[1] + c[2] * n[2]);
    const chord = quatRotateVec3(this._w, pelvis, c);
    out[6] = cw * (chord[0] - co[0]); out[7] = cw * (chord[1] - co[1]); out[8] = cw * (chord[2] - co[2]);
  }

  private gaussNewtonStep(): void {
    const r = this._r;
    const j = this._j;
    this.residuals(r, this.pelvis, this.bend);
    for (let param = 0; param < PARAMS; param++) {
      const step = STEPS[param % 3];
      if (param < 3) {
        quatMultiply(this._pelvisTry, step, this.pelvis);
        this.residuals(this._rStep, this._pelvisTry, this.bend);
      } else {
        quatMultiply(this._bendTry, step, this.bend);
        this.residuals(this._rStep, this.pelvis, this._bendTry);
      }
      for (let i = 0; i < RESIDUALS; i++) j[i * PARAMS + param] = (this._rStep[i] - r[i]) / DERIVATIVE_STEP;
    }
    // Normal equations (JᵀJ + λI) δ = −Jᵀr, as an augmented 6 × 7 matrix, by Gaussian elimination.
    const a = this._a;
    const width = PARAMS + 1;
    let trace = 0;
    for (let row = 0; row < PARAMS; row++) {
      for (let col = 0; col < PARAMS; col++) {
        let sum = 0;
        for (let i = 0; i < RESIDUALS; i++) sum += j[i * PARAMS + row] * j[i * PARAMS + col];
        a[row * width + col] = sum;
      }
      let g = 0;
      for (let i = 0; i < RESIDUALS; i++) g -= j[i * PARAMS + row] * r[i];
      a[row * width + PARAMS] = g;
      trace += a[row * width + row];
    }
    const damping = DAMPING * trace + 1e-15;
    for (let row = 0; row < PARAMS; row++) a[row * width + row] += damping;
    if (!solveAugmented(a, PARAMS)) return;
    const delta = this._delta;
    delta[0] = a[PARAMS]; delta[1] = a[width + PARAMS]; delta[2] = a[2 * width + PARAMS];
    quatNormalize(this.pelvis, quatMultiply(this.pelvis, quatFromRotationVector(this._step, delta), this.pelvis));
    delta[0] = a[3 * width + PARAMS]; delta[1] = a[4 * width + PARAMS]; delta[2] = a[5 * width + PARAMS];
    quatNormalize(this.bend, quatMultiply(this.bend, quatFromRotationVector(this._step, delta), this.bend));
  }

  /** Forgets the fit. */
  reset(): void {
    quatIdentity(this.pelvis);
    quatIdentity(this.bend);
  }
}

/**
 * `v` normalized into `out`, returning its length (`out` untouched when 0). The same as
 * `vec3Normalize`, written here so that the optimizer inlines it into {@link TorsoFit.fit}: a
 * length returned from a call it does not inline would be boxed every frame.
 */
function normalizeInto(out: Float64Array, v: Vec3In): number {
  const x = v[0], y = v[1], z = v[2];
  const length = Math.sqrt(x * x + y * y + z * z);
  if (length > 0 && length < Number.POSITIVE_INFINITY) {
    out[0] = x / length; out[1] = y / length; out[2] = z / length;
  }
  return length;
}

/**
 * Solves the symmetric positive-definite system held as an augmented `n × (n + 1)` matrix in
 * place (Gaussian elimination without pivoting, which such a system does not need); the solution
 * ends up in the last column. False when it is singular.
 */
function solveAugmented(a: Float64Array, n: number): boolean {
  const width = n + 1;
  for (let c = 0; c < n; c++) {
    const pivot = a[c * width + c];
    if (!(Math.abs(pivot) > 0) || !Number.isFinite(pivot)) return false;
    for (let k = c; k < width; k++) a[c * width + k] /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r * width + c];
      if (f === 0) continue;
      for (let k = c; k < width; k++) a[r * width + k] -= f * a[c * width + k];
    }
  }
  return true;
}
