import { quatConjugate, quatCopy, quatFitRotation, quatMultiply, quatNormalize, quatRotateVec3 } from '@rigcast/math';
import type { Quat } from '@rigcast/protocol';
import {
  FINGER_DIP_COUPLING_SIGMA,
  FINGER_DIP_PER_PIP,
  THUMB_IP_COUPLING_SIGMA,
  clampDigitAngles,
} from './HandJointLimits';
import { DIGIT_BASE_LANDMARKS, HAND_LANDMARK_COUNT, HandLandmarkIndex as H, LANDMARKS_PER_DIGIT } from './HandLandmarkIndex';
import { ANGLES_PER_DIGIT, DIGIT_COUNT, DigitAngle } from './DigitAngle';
import { HandModel, PALM_LANDMARKS } from './HandModel';

/** Unknowns of the fit: the hand's rotation (3) and position (3), then 4 angles per digit. */
const ROTATION = 0;
const POSITION = 3;
const ANGLES = 6;
const UNKNOWNS = ANGLES + DIGIT_COUNT * ANGLES_PER_DIGIT;
const SEGMENTS = LANDMARKS_PER_DIGIT - 1;
/** Gauss–Newton iterations at most, and the step (radians, metres) below which it has converged. */
const MAX_ITERATIONS = 8;
const CONVERGED_STEP = 1e-4;
/** Levenberg damping, relative to the system's mean diagonal: enough to bound a step along a singular direction. */
const DAMPING = 1e-9;
/** Degrees of freedom the palm fit uses up (rotation 3, position 3, scale 1). */
const PALM_FIT_DOF = 7;
/** Noise estimates are capped here (m): a palm that fits worse than this is not noise but a misdetection. */
const MAX_NOISE = 0.01;

// Scratch, used within one call only.
const _q: Quat = [0, 0, 0, 1];
const _v = new Float64Array(3);
const _palmObserved = new Float64Array(PALM_LANDMARKS.length * 3);
const _centroid = new Float64Array(3);
const _hand = new Float64Array(HAND_LANDMARK_COUNT * 3);
const _w = new Float64Array(SEGMENTS * 3);
const _prefix = new Float64Array((SEGMENTS + 1) * 3);
/** The model point of the landmark being added (hand frame, scaled), then its residual. */
const _model = new Float64Array(3);
/** A digit point's derivative before it is turned into the hand frame, and the scale: scratch, not arguments, so no double is boxed on a call. */
const _derivative = new Float64Array(3);
const _scale = new Float64Array(1);
const _jacobian = new Float64Array(3 * ANGLES_PER_DIGIT);
const _row = new Float64Array(ANGLES + ANGLES_PER_DIGIT);
const _cols = new Int32Array(ANGLES + ANGLES_PER_DIGIT);
const _normal = new Float64Array(UNKNOWNS * UNKNOWNS);
const _gradient = new Float64Array(UNKNOWNS);
const _step = new Float64Array(UNKNOWNS);
const _previous = new Float64Array(ANGLES_PER_DIGIT);
/** Per angle: 0 free, else the side (±1) of the limit it is held at. */
const _held = new Int8Array(DIGIT_COUNT * ANGLES_PER_DIGIT);

/**
 * Fits the {@link HandModel} to 21 landmarks of a **left** hand in camera space (a right hand is
 * reflected first), frame by frame, in two steps:
 *
 * 1. {@link fitPalm}: the hand bone's rotation, position and scale from the six palm landmarks,
 *    rigid with it (a least-squares similarity fit, started from VMagicMirror's palm frame), and
 *    the landmark noise read off its residual.
 * 2. {@link fitHand}: all 26 unknowns at once — the hand's rotation and position and the four
 *    angles of each digit — by Gauss–Newton on every landmark, with the bone lengths of the rest
 *    shape (times the scale), each step projected onto the joint limits. Each digit's joints are
 *    tied only by their bones, so a noisy landmark is outvoted by the others: the chain fit
 *    halves the spread and curl errors of reading each joint's angle from its own two landmarks.
 *
 *    Where the landmarks cannot tell joints apart (a 17 mm distal segment under 3 mm of noise reads
 *    its own angle at a median error of 15°), priors from hand anatomy fill in: a finger's DIP
 *    follows ⅔ of its PIP, the thumb's IP its MCP. They are weighted by the noise measured in step
 *    1, so exact landmarks are fitted exactly and noisy ones lean on anatomy.
 *
 * Allocates nothing.
 */
export class HandPoseFitter {
  readonly model: HandModel;
  /** The hand bone's rotation in camera space (identity: the left hand in the T-pose). */
  readonly rotation: Quat = [0, 0, 0, 1];
  /** The hand bone's origin (the wrist) in camera space, metres. */
  readonly position = new Float64Array(3);
  /** The four angles of each digit, thumb first (see {@link DigitAngle}). */
  readonly angles = new Float64Array(DIGIT_COUNT * ANGLES_PER_DIGIT);
  /** The hand's size relative to the rest shape, as the palm measured it in the last {@link fitPalm}. */
  measuredScale = 1;
  /** Landmark noise (σ per coordinate, metres) estimated from the palm's residual in the last {@link fitPalm}. */
  noise = 0;
  /** Gauss–Newton iterations the last {@link fitHand} took. */
  iterations = 0;

  constructor(model: HandModel) {
    this.model = model;
  }

  /**
   * Fits the hand bone to the palm landmarks of `points` (flat `[x, y, z] × 21`, a left hand).
   * With `warm` it starts from the last rotation, else from the palm frame. Returns false, changing
   * nothing, for a degenerate or non-finite palm.
   */
  fitPalm(points: ArrayLike<number>, warm: boolean): boolean {
    const model = this.model;
    const n = PALM_LANDMARKS.length;
    _centroid.fill(0);
    for (let i = 0; i < n; i++) {
      const l = PALM_LANDMARKS[i] * 3;
      for (let k = 0; k < 3; k++) _centroid[k] += points[l + k] / n;
    }
    if (!Number.isFinite(_centroid[0] + _centroid[1] + _centroid[2])) return false;
    for (let i = 0; i < n; i++) {
      const l = PALM_LANDMARKS[i] * 3;
      for (let k = 0; k < 3; k++) _palmObserved[i * 3 + k] = points[l + k] - _centroid[k];
    }
    if (warm) quatCopy(_q, this.rotation);
    else if (!model.guessHandRotation(_q, points)) return false;
    quatFitRotation(_q, model.palmCentred, _palmObserved, n);
    // Scale: Σ b · R a ⁄ Σ |a|²; residual: Σ |b − s R a|².
    let dot = 0;
    for (let i = 0; i < n; i++) {
      rotatePalmPoint(_v, _q, model.palmCentred, i);
      dot += _v[0] * _palmObserved[i * 3] + _v[1] * _palmObserved[i * 3 + 1] + _v[2] * _palmObserved[i * 3 + 2];
    }
    const scale = dot / model.palmSpread;
    if (!(scale > 0) || !Number.isFinite(scale)) return false;
    let residual = 0;
    for (let i = 0; i < n; i++) {
      rotatePalmPoint(_v, _q, model.palmCentred, i);
      for (let k = 0; k < 3; k++) {
        const e = _palmObserved[i * 3 + k] - scale * _v[k];
        residual += e * e;
      }
    }
    quatCopy(this.rotation, _q);
    this.measuredScale = scale;
    this.noise = Math.min(MAX_NOISE, Math.sqrt(residual / (n * 3 - PALM_FIT_DOF)));
    return true;
  }

  /**
   * Fits the whole hand to `points` (after {@link fitPalm}), with the rest shape scaled by
   * `scale`: the rotation, position and digit angles. Non-finite results leave the palm's rotation
   * and a direct reading of each digit.
   */
  fitHand(points: ArrayLike<number>, scale: number): void {
    const model = this.model;
    // Position from the palm: centroid − s R c_rest.
    quatRotateVec3(_v, this.rotation, model.palmCentroid);
    for (let k = 0; k < 3; k++) this.position[k] = _centroid[k] - scale * _v[k];
    _scale[0] = scale;
    this.readDigitsDirectly(points);
    const angles = this.angles;
    const dipWeight = this.noise / FINGER_DIP_COUPLING_SIGMA;
    const ipWeight = this.noise / THUMB_IP_COUPLING_SIGMA;
    let iteration = 0;
    _held.fill(0);
    while (iteration < MAX_ITERATIONS) {
      iteration++;
      _normal.fill(0);
      _gradient.fill(0);
      this.accumulatePoints(points);
      // Anatomy priors, residual w · (end − k · middle) on each digit.
      for (let d = 0; d < DIGIT_COUNT; d++) {
        const k = d === 0 ? 1 : FINGER_DIP_PER_PIP;
        const w = d === 0 ? ipWeight : dipWeight;
        const end = d * ANGLES_PER_DIGIT + DigitAngle.EndCurl, middle = d * ANGLES_PER_DIGIT + DigitAngle.MiddleCurl;
        const e = w * (angles[end] - k * angles[middle]);
        const a = ANGLES + end, b = ANGLES + middle;
        _normal[a * UNKNOWNS + a] += w * w;
        _normal[b * UNKNOWNS + b] += k * k * w * w;
        _normal[a * UNKNOWNS + b] -= k * w * w;
        _normal[b * UNKNOWNS + a] -= k * w * w;
        _gradient[a] += w * e;
        _gradient[b] -= k * w * e;
      }
      // Active set: an angle held at a limit that the descent (−gradient) still pushes outward
      // stays out of this step, so the others converge instead of zig-zagging against the limit.
      for (let i = 0; i < _held.length; i++) {
        const u = ANGLES + i;
        if (_held[i] === 0 || -_gradient[u] * _held[i] <= 0) {
          _held[i] = 0;
          continue;
        }
        for (let j = 0; j < UNKNOWNS; j++) {
          _normal[u * UNKNOWNS + j] = 0;
          _normal[j * UNKNOWNS + u] = 0;
        }
        _normal[u * UNKNOWNS + u] = 1;
        _gradient[u] = 0;
      }
      if (!solveDamped(_normal, _gradient, _step)) break;
      let largest = 0;
      for (let i = 0; i < ANGLES; i++) largest = Math.max(largest, Math.abs(_step[i]));
      if (!Number.isFinite(largest)) break;
      // R ← R · exp(δ), t ← t + R τ, angles += Δ (then back inside the limits).
      _v[0] = _step[POSITION]; _v[1] = _step[POSITION + 1]; _v[2] = _step[POSITION + 2];
      quatRotateVec3(_v, this.rotation, _v);
      for (let k = 0; k < 3; k++) this.position[k] += _v[k];
      // The rotation step as the unit quaternion along (δ/2, 1): exp(δ) to second order, and the
      // same fixed point once the steps vanish.
      _q[0] = _step[ROTATION] / 2; _q[1] = _step[ROTATION + 1] / 2; _q[2] = _step[ROTATION + 2] / 2; _q[3] = 1;
      quatNormalize(this.rotation, quatMultiply(this.rotation, this.rotation, _q));
      for (let d = 0; d < DIGIT_COUNT; d++) {
        for (let k = 0; k < ANGLES_PER_DIGIT; k++) {
          const i = d * ANGLES_PER_DIGIT + k;
          angles[i] += _step[ANGLES + i];
          _previous[k] = angles[i];
        }
        clampDigitAngles(angles, d);
        for (let k = 0; k < ANGLES_PER_DIGIT; k++) {
          const i = d * ANGLES_PER_DIGIT + k;
          const cut = _previous[k] - angles[i];
          if (cut !== 0) _held[i] = cut > 0 ? 1 : -1;
          // What moved once back inside the limits: a step the limits undo is no progress.
          largest = Math.max(largest, Math.abs(_step[ANGLES + i] - cut));
        }
      }
      if (!Number.isFinite(largest)) break;
      if (largest < CONVERGED_STEP) break;
    }
    this.iterations = iteration;
    let finite = true;
    for (let i = 0; i < angles.length; i++) finite &&= Number.isFinite(angles[i]);
    if (!finite || !Number.isFinite(this.rotation[0] + this.rotation[1] + this.rotation[2] + this.rotation[3])) {
      this.fitPalm(points, false);
      this.readDigitsDirectly(points);
    }
  }

  /**
   * Each digit's angles from its own landmarks, segment by segment, in the hand frame: the start of
   * the fit (and its fallback).
   */
  private readDigitsDirectly(points: ArrayLike<number>): void {
    const model = this.model;
    this.toHandFrame(points);
    for (let d = 0; d < DIGIT_COUNT; d++) {
      const base = DIGIT_BASE_LANDMARKS[d];
      const axes = d * 9;
      const a = d * ANGLES_PER_DIGIT;
      let spread = 0;
      let previous = 0;
      for (let s = 0; s < SEGMENTS; s++) {
        const from = (base + s) * 3;
        const ex = _hand[from + 3] - _hand[from], ey = _hand[from + 4] - _hand[from + 1], ez = _hand[from + 5] - _hand[from + 2];
        // In the digit's basis.
        const x = ex * model.digitAxes[axes] + ey * model.digitAxes[axes + 1] + ez * model.digitAxes[axes + 2];
        const y = ex * model.digitAxes[axes + 3] + ey * model.digitAxes[axes + 4] + ez * model.digitAxes[axes + 5];
        const z = ex * model.digitAxes[axes + 6] + ey * model.digitAxes[axes + 7] + ez * model.digitAxes[axes + 8];
        if (s === 0) spread = Math.atan2(-z, x);
        // Undo the spread, then the angle in the digit's XY plane against the segment's rest angle.
        const c = Math.cos(spread), sn = Math.sin(spread);
        const r = (d * SEGMENTS + s) * 3;
        const bend = Math.atan2(-y, x * c - z * sn) - Math.atan2(-model.segmentDirection[r + 1], model.segmentDirection[r]);
        this.angles[a + DigitAngle.BaseCurl + s] = wrapAngle(bend - previous);
        previous = bend;
      }
      this.angles[a + DigitAngle.Spread] = spread;
      clampDigitAngles(this.angles, d);
    }
  }

  /** Writes the landmarks into {@link _hand} in the hand frame, divided by the scale. */
  private toHandFrame(points: ArrayLike<number>): void {
    const scale = _scale[0];
    quatConjugate(_q, this.rotation);
    for (let i = 0; i < HAND_LANDMARK_COUNT; i++) {
      for (let k = 0; k < 3; k++) _v[k] = (points[i * 3 + k] - this.position[k]) / scale;
      quatRotateVec3(_v, _q, _v);
      _hand[i * 3] = _v[0]; _hand[i * 3 + 1] = _v[1]; _hand[i * 3 + 2] = _v[2];
    }
  }

  /**
   * Adds every landmark's residual e = Rᵀ(y − t) − s · model(angles) and its Jacobian to the
   * normal equations. The rows of a point have three blocks: ∂e/∂δ = [u]× for u = Rᵀ(y − t),
   * ∂e/∂τ = −I, and −s · ∂model/∂angles for a digit's joints.
   */
  private accumulatePoints(points: ArrayLike<number>): void {
    const model = this.model;
    const rest = model.rest;
    quatConjugate(_q, this.rotation);
    // The wrist and the five digit bases are rigid with the hand.
    setModelPoint(rest, 0, 0, 0, 0);
    this.accumulatePoint(points, H.Wrist, -1);
    for (let d = 0; d < DIGIT_COUNT; d++) {
      const base = DIGIT_BASE_LANDMARKS[d];
      const b = base * 3;
      setModelPoint(rest, b, 0, 0, 0);
      this.accumulatePoint(points, base, -1);
      const a = d * ANGLES_PER_DIGIT;
      const spread = this.angles[a + DigitAngle.Spread];
      const cs = Math.cos(spread), ss = Math.sin(spread);
      // w_j = L_j · Rz(−A_j) r_j in the digit's basis, and their running sums.
      let bend = 0;
      _prefix[0] = 0; _prefix[1] = 0; _prefix[2] = 0;
      for (let s = 0; s < SEGMENTS; s++) {
        bend += this.angles[a + DigitAngle.BaseCurl + s];
        const r = (d * SEGMENTS + s) * 3;
        const rx = model.segmentDirection[r], ry = model.segmentDirection[r + 1], rz = model.segmentDirection[r + 2];
        const length = model.segmentLength[d * SEGMENTS + s];
        const c = Math.cos(bend), sn = Math.sin(bend);
        _w[s * 3] = length * (rx * c + ry * sn);
        _w[s * 3 + 1] = length * (-rx * sn + ry * c);
        _w[s * 3 + 2] = length * rz;
        for (let k = 0; k < 3; k++) _prefix[(s + 1) * 3 + k] = _prefix[s * 3 + k] + _w[s * 3 + k];
      }
      const axes = d * 9;
      for (let j = 1; j <= SEGMENTS; j++) {
        // q_j = Ry(spread) · Σ_{i ≤ j} w_i.
        const px = _prefix[j * 3], py = _prefix[j * 3 + 1], pz = _prefix[j * 3 + 2];
        const qx = px * cs + pz * ss, qy = py, qz = -px * ss + pz * cs;
        // ∂q/∂spread = Y × q; ∂q/∂curl_k = Ry(spread) · (b, −a, 0) of (Σ_{k ≤ i ≤ j} w_i) = (a, b, c).
        _derivative[0] = qz; _derivative[1] = 0; _derivative[2] = -qx;
        setDerivative(0, model.digitAxes, axes);
        for (let k = 1; k <= SEGMENTS; k++) {
          if (k > j) {
            _derivative[0] = 0; _derivative[1] = 0; _derivative[2] = 0;
          } else {
            // (sb, −sa, 0) turned by Ry(spread).
            const sa = px - _prefix[(k - 1) * 3], sb = py - _prefix[(k - 1) * 3 + 1];
            _derivative[0] = sb * cs; _derivative[1] = -sa; _derivative[2] = -sb * ss;
          }
          setDerivative(k, model.digitAxes, axes);
        }
        // Model point: s · (base + D q).
        _derivative[0] = qx; _derivative[1] = qy; _derivative[2] = qz;
        setModelPoint(rest, b, 1, model.digitAxes, axes);
        this.accumulatePoint(points, base + j, d);
      }
    }
  }

  /**
   * Adds one landmark: its model point (hand frame, scaled) waiting in `_model`, and when
   * `digit` ≥ 0 the derivatives of it with respect to that digit's angles, in `_jacobian`.
   */
  private accumulatePoint(points: ArrayLike<number>, landmark: number, digit: number): void {
    const l = landmark * 3;
    for (let k = 0; k < 3; k++) _v[k] = points[l + k] - this.position[k];
    quatRotateVec3(_v, _q, _v);
    const ux = _v[0], uy = _v[1], uz = _v[2];
    _model[0] = ux - _model[0]; _model[1] = uy - _model[1]; _model[2] = uz - _model[2];
    const count = digit >= 0 ? ANGLES + ANGLES_PER_DIGIT : ANGLES;
    for (let c = 0; c < ANGLES; c++) _cols[c] = c;
    if (digit >= 0) for (let c = 0; c < ANGLES_PER_DIGIT; c++) _cols[ANGLES + c] = ANGLES + digit * ANGLES_PER_DIGIT + c;
    for (let axis = 0; axis < 3; axis++) {
      // [u]× row `axis`.
      _row[0] = axis === 0 ? 0 : axis === 1 ? uz : -uy;
      _row[1] = axis === 0 ? -uz : axis === 1 ? 0 : ux;
      _row[2] = axis === 0 ? uy : axis === 1 ? -ux : 0;
      _row[3] = axis === 0 ? -1 : 0;
      _row[4] = axis === 1 ? -1 : 0;
      _row[5] = axis === 2 ? -1 : 0;
      if (digit >= 0) for (let c = 0; c < ANGLES_PER_DIGIT; c++) _row[ANGLES + c] = -_jacobian[c * 3 + axis];
      const e = _model[axis];
      for (let i = 0; i < count; i++) {
        const ri = _row[i];
        if (ri === 0) continue;
        const ci = _cols[i] * UNKNOWNS;
        _gradient[_cols[i]] += ri * e;
        for (let j = 0; j < count; j++) _normal[ci + _cols[j]] += ri * _row[j];
      }
    }
  }
}

/** `out = q · points[i]` for flat points, without making a view of them. */
function rotatePalmPoint(out: Float64Array, q: Quat, points: Float64Array, i: number): void {
  out[0] = points[i * 3]; out[1] = points[i * 3 + 1]; out[2] = points[i * 3 + 2];
  quatRotateVec3(out, q, out);
}

/** Stores s · D · `_derivative` as the derivative of a digit point by angle `k` (0 = spread); D is the digit's axes at `o`. */
function setDerivative(k: number, axes: Float64Array, o: number): void {
  const x = _derivative[0], y = _derivative[1], z = _derivative[2], scale = _scale[0];
  _jacobian[k * 3] = scale * (axes[o] * x + axes[o + 3] * y + axes[o + 6] * z);
  _jacobian[k * 3 + 1] = scale * (axes[o + 1] * x + axes[o + 4] * y + axes[o + 7] * z);
  _jacobian[k * 3 + 2] = scale * (axes[o + 2] * x + axes[o + 5] * y + axes[o + 8] * z);
}

/**
 * `_model` = s · (rest point at `b` + D · `_derivative`) when `withOffset` is 1, or s · the rest
 * point alone when it is 0 (then `axes` is not read).
 */
function setModelPoint(rest: Float64Array, b: number, withOffset: number, axes: Float64Array | 0, o: number): void {
  const scale = _scale[0];
  for (let k = 0; k < 3; k++) {
    let v = rest[b + k];
    if (withOffset && axes) v += axes[o + k] * _derivative[0] + axes[o + 3 + k] * _derivative[1] + axes[o + 6 + k] * _derivative[2];
    _model[k] = v * scale;
  }
}

/** Solves (A + λ diag) x = −g by Cholesky, in place in A; false when A is not positive definite. */
function solveDamped(a: Float64Array, g: Float64Array, x: Float64Array): boolean {
  const n = UNKNOWNS;
  let trace = 0;
  for (let i = 0; i < n; i++) trace += a[i * n + i];
  const lambda = DAMPING * (trace / n) + 1e-30;
  for (let i = 0; i < n; i++) a[i * n + i] += lambda;
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
    if (!(d > 0)) return false;
    const root = Math.sqrt(d);
    a[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / root;
    }
  }
  for (let i = 0; i < n; i++) {
    let s = -g[i];
    for (let k = 0; k < i; k++) s -= a[i * n + k] * x[k];
    x[i] = s / a[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= a[k * n + i] * x[k];
    x[i] = s / a[i * n + i];
  }
  return true;
}

function wrapAngle(a: number): number {
  return a > Math.PI ? a - 2 * Math.PI : a <= -Math.PI ? a + 2 * Math.PI : a;
}
