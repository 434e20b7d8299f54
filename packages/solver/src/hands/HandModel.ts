import { quatConjugate, quatFromBasis, quatMultiply } from '@rigcast/math';
import type { Quat } from '@rigcast/protocol';
import { DIGIT_BASE_LANDMARKS, HAND_LANDMARK_COUNT, HandLandmarkIndex as H, LANDMARKS_PER_DIGIT } from './HandLandmarkIndex';
import type { HandRestShape } from './HandRestShape';
import { ANGLES_PER_DIGIT, DIGIT_COUNT, DigitAngle } from './DigitAngle';
import { palmFrame } from './palmFrame';


/** Landmarks rigid with the hand bone: the wrist, the thumb's CMC and the four knuckles. */
export const PALM_LANDMARKS = [H.Wrist, H.ThumbCmc, H.IndexMcp, H.MiddleMcp, H.RingMcp, H.LittleMcp] as const;

const SEGMENTS = LANDMARKS_PER_DIGIT - 1;

// Scratch, used within one call only.
const _a: Quat = [0, 0, 0, 1];
const _b: Quat = [0, 0, 0, 1];
const _palm: Quat = [0, 0, 0, 1];

/**
 * The solver's kinematic model of a **left** hand (a right hand is solved as its reflection),
 * derived once from a {@link HandRestShape}.
 *
 * - The **hand bone** is rigid with the palm landmarks ({@link PALM_LANDMARKS}).
 * - Each **digit** has a basis: X along its first segment at rest, Y the back of the hand (+Y)
 *   made perpendicular to X, Z = X × Y. For the fingers it is the hand's own axes; the thumb's is
 *   turned about 45° in the palm plane, so one parameterization serves all five digits.
 * - A digit's pose is four angles (see {@link DigitAngle}): its first bone turns by
 *   `Ry(spread) · Rz(−baseCurl)` in the digit basis (spread in the palm plane, then the curl about
 *   an axis that turns with it), the second and third by `Rz(−curl)`: hinges on the same axis.
 *   A flexion (> 0) bends toward the palm.
 */
export class HandModel {
  /** The rest shape's 21 points. */
  readonly rest: Float64Array;
  /** The palm points at rest, minus their centroid ({@link palmCentroid}). */
  readonly palmCentred = new Float64Array(PALM_LANDMARKS.length * 3);
  readonly palmCentroid = new Float64Array(3);
  /** Σ |palm point − centroid|² at rest. */
  readonly palmSpread: number;
  /** The rest palm frame ({@link palmFrame}) of the rest shape, relative to the hand bone. */
  readonly restPalmFrame: Quat = [0, 0, 0, 1];
  /** Per digit: its basis as a rotation (4 values) and as the columns X, Y, Z (9 values). */
  readonly digitBasis = new Float64Array(DIGIT_COUNT * 4);
  readonly digitAxes = new Float64Array(DIGIT_COUNT * 9);
  /** Per digit and segment: the rest direction in the digit's basis (3 values) and length (m). */
  readonly segmentDirection = new Float64Array(DIGIT_COUNT * SEGMENTS * 3);
  readonly segmentLength = new Float64Array(DIGIT_COUNT * SEGMENTS);

  constructor(rest: HandRestShape) {
    if (rest.length !== HAND_LANDMARK_COUNT * 3) {
      throw new RangeError(`HandModel: a rest shape has ${HAND_LANDMARK_COUNT * 3} values (21 points), got ${rest.length}`);
    }
    this.rest = Float64Array.from(rest);
    const r = this.rest;
    PALM_LANDMARKS.forEach((l) => {
      for (let k = 0; k < 3; k++) this.palmCentroid[k] += r[l * 3 + k] / PALM_LANDMARKS.length;
    });
    let spread = 0;
    PALM_LANDMARKS.forEach((l, i) => {
      for (let k = 0; k < 3; k++) {
        const v = r[l * 3 + k] - this.palmCentroid[k];
        this.palmCentred[i * 3 + k] = v;
        spread += v * v;
      }
    });
    this.palmSpread = spread;
    if (!palmFrame(this.restPalmFrame, r)) throw new RangeError('HandModel: the rest shape has no palm (coincident knuckles)');

    DIGIT_BASE_LANDMARKS.forEach((base, d) => {
      const x = unit(r, base, base + 1);
      // +Y without its component along X.
      const y = [-x[1] * x[0], 1 - x[1] * x[1], -x[1] * x[2]];
      const yLength = Math.hypot(y[0], y[1], y[2]);
      if (!(yLength > 1e-6)) throw new RangeError(`HandModel: digit ${d} points along the palm's normal at rest`);
      for (let k = 0; k < 3; k++) y[k] /= yLength;
      const z = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
      this.digitAxes.set([...x, ...y, ...z], d * 9);
      quatFromBasis(_a, x, y, z);
      this.digitBasis.set(_a, d * 4);
      for (let s = 0; s < SEGMENTS; s++) {
        const from = base + s;
        const length = Math.hypot(r[(from + 1) * 3] - r[from * 3], r[(from + 1) * 3 + 1] - r[from * 3 + 1], r[(from + 1) * 3 + 2] - r[from * 3 + 2]);
        if (!(length > 0)) throw new RangeError(`HandModel: landmarks ${from} and ${from + 1} coincide at rest`);
        const u = unit(r, from, from + 1);
        const o = (d * SEGMENTS + s) * 3;
        for (let k = 0; k < 3; k++) this.segmentDirection[o + k] = u[0] * this.digitAxes[d * 9 + k * 3] + u[1] * this.digitAxes[d * 9 + k * 3 + 1] + u[2] * this.digitAxes[d * 9 + k * 3 + 2];
        this.segmentLength[d * SEGMENTS + s] = length;
      }
    });
  }

  /**
   * Writes the local rotations of the 15 digit bones (thumb metacarpal, proximal, distal; then
   * each finger's proximal, intermediate, distal), 4 values each from `offset`, for the angles
   * `angles` (`digit * ANGLES_PER_DIGIT + DigitAngle`), on a left hand.
   */
  writeDigitRotations(angles: ArrayLike<number>, out: Float64Array, offset: number): void {
    for (let d = 0; d < DIGIT_COUNT; d++) {
      const a = d * ANGLES_PER_DIGIT;
      for (let bone = 0; bone < SEGMENTS; bone++) {
        // Rz(−curl), then Ry(spread) before it on the first bone (written out: no doubles passed on a call).
        const curl = angles[a + DigitAngle.BaseCurl + bone];
        _a[0] = 0; _a[1] = 0; _a[2] = -Math.sin(curl / 2); _a[3] = Math.cos(curl / 2);
        if (bone === 0) {
          const spread = angles[a + DigitAngle.Spread];
          _b[0] = 0; _b[1] = Math.sin(spread / 2); _b[2] = 0; _b[3] = Math.cos(spread / 2);
          quatMultiply(_a, _b, _a);
        }
        // basis · r · basis⁻¹
        const b = d * 4;
        _b[0] = this.digitBasis[b]; _b[1] = this.digitBasis[b + 1]; _b[2] = this.digitBasis[b + 2]; _b[3] = this.digitBasis[b + 3];
        quatMultiply(_a, _b, _a);
        quatConjugate(_b, _b);
        quatMultiply(_a, _a, _b);
        out.set(_a, offset + (d * SEGMENTS + bone) * 4);
      }
    }
  }

  /**
   * A first guess of the hand bone's rotation from the landmarks of a left hand: the palm frame
   * ({@link palmFrame}) turned back by the rest shape's own palm frame. False when degenerate.
   */
  guessHandRotation(out: Quat, points: ArrayLike<number>): boolean {
    if (!palmFrame(_palm, points)) return false;
    // The palm frame is (hand rotation) · restPalmFrame, so hand = palm · restPalmFrame⁻¹.
    quatConjugate(_a, this.restPalmFrame);
    quatMultiply(out, _palm, _a);
    return true;
  }
}

function unit(points: ArrayLike<number>, from: number, to: number): number[] {
  const v = [points[to * 3] - points[from * 3], points[to * 3 + 1] - points[from * 3 + 1], points[to * 3 + 2] - points[from * 3 + 2]];
  const length = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / length, v[1] / length, v[2] / length];
}
