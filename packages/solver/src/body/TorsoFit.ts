import {
  quatFromRotationVector,
  quatFromVectorPairs,
  quatIdentity,
  quatMultiply,
  quatNormalize,
  quatRotateVec3,
  quatSlerp,
  vec3Add,
  vec3Normalize,
  vec3Scale,
  vec3Sub,
  type QuatIn,
  type Vec3In,
} from '@rigcast/math';
import type { Quat } from '@rigcast/protocol';
import type { BodyRestGeometry } from './BodyRestGeometry';
import { BodySide } from './BodySide';
import { TORSO_BEND_SHARES } from './TorsoBendShares';

const IDENTITY: Quat = [0, 0, 0, 1];
/** Step of the numerical derivative, radians. */
const DERIVATIVE_STEP = 1e-5;
/** Gauss–Newton iterations from a fresh start, and after the clavicles change. */
export const TORSO_FIT_ITERATIONS = 4;
/** Relative damping of the normal equations, so a degenerate view cannot divide by zero. */
const DAMPING = 1e-9;
const RESIDUALS = 6;

/**
 * Fits the torso's rotation `D` (the upperChest's, relative to the hips' frame) to two observed
 * directions: the **shoulder line** (right shoulder landmark → left one) and the **chord** (hip
 * centre → shoulder centre). It models the chain between them instead of treating the torso as
 * rigid: a lean bends the spine, chest and upperChest by their {@link TORSO_BEND_SHARES}, so the
 * chord turns by less than the upper chest does (about 0.4× on the default avatar); and the
 * clavicles move the shoulder landmarks (see {@link setClavicles}). The fit is weighted least
 * squares over both directions (each weighted by its squared length: a longer segment's direction
 * is less disturbed by the same landmark noise), solved by a few Gauss–Newton steps from the
 * rigid two-vector answer. @internal
 */
export class TorsoFit {
  /** The fitted rotation D, relative to the hips' frame. */
  readonly bend: Quat = [0, 0, 0, 1];

  private readonly _g: BodyRestGeometry;
  /** The shoulder line in the upperChest's frame, given the clavicles. */
  private readonly _shoulderLine = new Float64Array(3);
  /** The part of the chord carried rigidly by the upperChest (upperChest joint → shoulder centre). */
  private readonly _upperChestToShoulders = new Float64Array(3);
  private readonly _lineObserved = new Float64Array(3);
  private readonly _chordObserved = new Float64Array(3);
  private _lineWeight = 1;
  private _chordWeight = 1;
  private readonly _r = new Float64Array(RESIDUALS);
  private readonly _rStep = new Float64Array(RESIDUALS);
  private readonly _j = new Float64Array(RESIDUALS * 3);
  private readonly _q: Quat = [0, 0, 0, 1];
  private readonly _perturbed: Quat = [0, 0, 0, 1];
  private readonly _step: Quat = [0, 0, 0, 1];
  private readonly _v = new Float64Array(3);
  private readonly _w = new Float64Array(3);
  private readonly _p = new Float64Array(3);

  constructor(geometry: BodyRestGeometry) {
    this._g = geometry;
    this.setClavicles(IDENTITY, IDENTITY);
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
  }

  /**
   * The chord (hip centre → shoulder centre, metres, unnormalized) the model gives for the bend
   * `d`, in the hips' frame.
   */
  chord(out: Float64Array, d: QuatIn): Float64Array {
    const g = this._g;
    const q = this._q;
    const p = this._p;
    out.set(g.hipCentreToSpine);
    quatSlerp(q, IDENTITY, d, TORSO_BEND_SHARES.spine);
    vec3Add(out, out, quatRotateVec3(p, q, g.spineToChest));
    quatSlerp(q, IDENTITY, d, TORSO_BEND_SHARES.spine + TORSO_BEND_SHARES.chest);
    vec3Add(out, out, quatRotateVec3(p, q, g.chestToUpperChest));
    return vec3Add(out, out, quatRotateVec3(p, d, this._upperChestToShoulders));
  }

  /** The shoulder line (right → left, metres) the model gives for the bend `d`, in the hips' frame. */
  shoulderLine(out: Float64Array, d: QuatIn): Float64Array {
    return quatRotateVec3(out, d, this._shoulderLine);
  }

  /**
   * Fits {@link bend} to the observed shoulder line and chord (any length, in the hips' frame).
   * `restart` starts from the rigid two-vector answer; otherwise it refines the current bend
   * (after {@link setClavicles}). Returns false, leaving the bend unchanged, when either
   * direction has no length.
   */
  fit(shoulderLine: Vec3In, chord: Vec3In, restart: boolean, iterations = TORSO_FIT_ITERATIONS): boolean {
    const lineLength = vec3Normalize(this._lineObserved, shoulderLine);
    const chordLength = vec3Normalize(this._chordObserved, chord);
    if (lineLength === 0 || chordLength === 0) return false;
    const total = lineLength * lineLength + chordLength * chordLength;
    this._lineWeight = Math.sqrt((lineLength * lineLength) / total);
    this._chordWeight = Math.sqrt((chordLength * chordLength) / total);
    const d = this.bend;
    if (restart) {
      // The rigid answer: the rest shoulder line and the rest chord carried as one block.
      const restLine = this._v;
      vec3Normalize(restLine, this._shoulderLine);
      const restChord = this.chord(this._w, IDENTITY);
      vec3Normalize(restChord, restChord);
      quatFromVectorPairs(d, restLine, this._lineObserved, restChord, this._chordObserved, lineLength * lineLength, chordLength * chordLength);
    }
    for (let k = 0; k < iterations; k++) this.gaussNewtonStep();
    return true;
  }

  private residuals(out: Float64Array, d: QuatIn): void {
    const line = this.shoulderLine(this._v, d);
    vec3Normalize(line, line);
    const chord = this.chord(this._w, d);
    vec3Normalize(chord, chord);
    for (let i = 0; i < 3; i++) {
      out[i] = this._lineWeight * (line[i] - this._lineObserved[i]);
      out[3 + i] = this._chordWeight * (chord[i] - this._chordObserved[i]);
    }
  }

  private gaussNewtonStep(): void {
    const d = this.bend;
    const r = this._r;
    const j = this._j;
    this.residuals(r, d);
    for (let axis = 0; axis < 3; axis++) {
      quatFromRotationVector(this._step, axis === 0 ? DERIVATIVE_STEP : 0, axis === 1 ? DERIVATIVE_STEP : 0, axis === 2 ? DERIVATIVE_STEP : 0);
      quatMultiply(this._perturbed, this._step, d);
      this.residuals(this._rStep, this._perturbed);
      for (let i = 0; i < RESIDUALS; i++) j[i * 3 + axis] = (this._rStep[i] - r[i]) / DERIVATIVE_STEP;
    }
    // Normal equations A δ = −Jᵀr, A = JᵀJ (symmetric 3×3), solved by the adjugate.
    let a00 = 0, a01 = 0, a02 = 0, a11 = 0, a12 = 0, a22 = 0, g0 = 0, g1 = 0, g2 = 0;
    for (let i = 0; i < RESIDUALS; i++) {
      const j0 = j[i * 3], j1 = j[i * 3 + 1], j2 = j[i * 3 + 2];
      a00 += j0 * j0; a01 += j0 * j1; a02 += j0 * j2;
      a11 += j1 * j1; a12 += j1 * j2; a22 += j2 * j2;
      g0 -= j0 * r[i]; g1 -= j1 * r[i]; g2 -= j2 * r[i];
    }
    const damping = DAMPING * (a00 + a11 + a22) + 1e-15;
    a00 += damping; a11 += damping; a22 += damping;
    const c00 = a11 * a22 - a12 * a12;
    const c01 = a02 * a12 - a01 * a22;
    const c02 = a01 * a12 - a02 * a11;
    const c11 = a00 * a22 - a02 * a02;
    const c12 = a01 * a02 - a00 * a12;
    const c22 = a00 * a11 - a01 * a01;
    const det = a00 * c00 + a01 * c01 + a02 * c02;
    if (!(Math.abs(det) > 0) || !Number.isFinite(det)) return;
    const x = (c00 * g0 + c01 * g1 + c02 * g2) / det;
    const y = (c01 * g0 + c11 * g1 + c12 * g2) / det;
    const z = (c02 * g0 + c12 * g1 + c22 * g2) / det;
    quatFromRotationVector(this._step, x, y, z);
    quatNormalize(d, quatMultiply(d, this._step, d));
  }

  /** Forgets the fitted bend. */
  reset(): void {
    quatIdentity(this.bend);
  }
}
