/**
 * The Cramér–Rao floor of the FK round trip: how small any unbiased solver's error could be, per
 * bone, for the same poses and the same landmark noise. It linearizes the landmarks and the
 * scored rotations around each true pose (numerical Jacobians through the same forward
 * kinematics and rules as bodyFk.ts), takes the covariance F⁻¹ of the pose parameters' best
 * estimate from the landmarks the solver reads (F = Jᵀ Σ⁻¹ J with the noise's covariance Σ after
 * MediaPipe's centring, plus the joint limits as a weak uniform prior so that a straight arm's
 * twist stays finite), maps it to each scored bone
 * (G F⁻¹ Gᵀ) and draws one error per pose from it. Its median and p95 are what "at the floor"
 * means for the table in BodySolver.fk.test.ts.
 */
import { DEG, quatMultiply, quatRotateVec3 } from '@rigcast/math';
import type { HumanoidBoneName, Quat } from '@rigcast/protocol';
import { PoseLandmarkIndex as P } from '../PoseLandmarkIndex';
import { JOINT_LIMITS_DEG, POSE_PARAMS, landmarksOf, poseFromParams, worldRotation, type BonePose, type PoseParams } from './bodyFk';
import { SCORED_ITEMS, isStraight, restAxis, type LimbBends } from './fkScore';

const STEP = 1e-5;
const PRIOR_WEAKENING = 100;
const IDENTITY: Quat = [0, 0, 0, 1];

/**
 * The landmarks the solver reads, per mode, besides the hips: MediaPipe's origin is the middle of
 * the hips, so they enter as one half hip line (see {@link measurements}).
 */
const USED = {
  upper: [P.LeftShoulder, P.RightShoulder, P.LeftElbow, P.RightElbow, P.LeftWrist, P.RightWrist],
  full: [
    P.LeftShoulder, P.RightShoulder, P.LeftElbow, P.RightElbow, P.LeftWrist, P.RightWrist,
    P.LeftKnee, P.RightKnee, P.LeftAnkle, P.RightAnkle, P.LeftHeel, P.RightHeel, P.LeftFootIndex, P.RightFootIndex,
  ],
} as const;

/**
 * The noise-free measurements: the used landmarks about the hip centre, then the half hip line
 * (left hip − right hip) / 2. With each landmark's noise ε_i iid (σ per axis) before centring, a
 * centred landmark carries ε_i − (ε_L + ε_R)/2 and the half hip line (ε_L − ε_R)/2: uncorrelated
 * with the others, the landmarks among themselves with covariance σ²(I + ½·11ᵀ) per axis.
 */
function measurements(mode: 'upper' | 'full', subject: BonePose): Float64Array {
  const world = landmarksOf(subject).worldLandmarks[0];
  const used = USED[mode];
  const out = new Float64Array(used.length * 3 + 3);
  used.forEach((index, k) => {
    out[k * 3] = world[index].x;
    out[k * 3 + 1] = world[index].y;
    out[k * 3 + 2] = world[index].z;
  });
  const l = world[P.LeftHip], r = world[P.RightHip];
  out.set([(l.x - r.x) / 2, (l.y - r.y) / 2, (l.z - r.z) / 2], used.length * 3);
  return out;
}

/** `aᵀ Σ⁻¹ b` for two measurement-space columns, with Σ as in {@link measurements} (σ = 1). */
function whitenedDot(mode: 'upper' | 'full', a: Float64Array, b: Float64Array): number {
  const m = USED[mode].length;
  // (I + ½ 11ᵀ)⁻¹ = I − (½ / (1 + m/2)) 11ᵀ, per axis (Sherman–Morrison).
  const shrink = 0.5 / (1 + m / 2);
  let sum = 0;
  for (let axis = 0; axis < 3; axis++) {
    let sa = 0, sb = 0;
    for (let k = 0; k < m; k++) {
      sum += a[k * 3 + axis] * b[k * 3 + axis];
      sa += a[k * 3 + axis];
      sb += b[k * 3 + axis];
    }
    sum -= shrink * sa * sb;
    sum += 2 * a[m * 3 + axis] * b[m * 3 + axis];
  }
  return sum;
}

/** The rotation vector of `a · b⁻¹` (small rotations). */
function rotationVector(a: Quat, b: Quat): [number, number, number] {
  const d = quatMultiply([0, 0, 0, 1], a, [-b[0], -b[1], -b[2], b[3]]);
  const s = d[3] < 0 ? -2 : 2;
  return [d[0] * s, d[1] * s, d[2] * s];
}

type Quantity = { kind: 'rotation'; value: Quat } | { kind: 'direction'; value: Float64Array };

/** What is scored for each item of a pose, as in fkScore.scorePose. */
function quantities(mode: 'upper' | 'full', pose: BonePose, bends: LimbBends): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const item of SCORED_ITEMS) {
    if ((item.fullOnly || item.name === 'hips') && mode !== 'full') continue;
    if (item.name === 'torso') {
      out.set(item.name, { kind: 'rotation', value: worldRotation(pose, 'upperChest') });
      continue;
    }
    const bone = item.name as HumanoidBoneName;
    const local = pose[bone] ?? IDENTITY;
    const straight = isStraight(bone, bends);
    if (item.kind === 'full' || (!straight && item.kind !== 'direction')) out.set(item.name, { kind: 'rotation', value: local });
    else if (item.kind === 'full, in the world if straight') out.set(item.name, { kind: 'rotation', value: worldRotation(pose, bone) });
    else {
      const frame = item.kind === 'direction' && straight ? worldRotation(pose, bone) : local;
      out.set(item.name, { kind: 'direction', value: quatRotateVec3(new Float64Array(3), frame, restAxis(bone)) });
    }
  }
  return out;
}

/** Inverse of a symmetric positive-definite matrix (n × n, row-major), by Gauss–Jordan. */
function invert(a: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[pivot * n + c])) pivot = r;
    for (let k = 0; k < n; k++) {
      [m[c * n + k], m[pivot * n + k]] = [m[pivot * n + k], m[c * n + k]];
      [inv[c * n + k], inv[pivot * n + k]] = [inv[pivot * n + k], inv[c * n + k]];
    }
    const d = m[c * n + c];
    for (let k = 0; k < n; k++) {
      m[c * n + k] /= d;
      inv[c * n + k] /= d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * n + c];
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        m[r * n + k] -= f * m[c * n + k];
        inv[r * n + k] -= f * inv[c * n + k];
      }
    }
  }
  return inv;
}

/**
 * The prior precision of a parameter: a hundredth of a uniform distribution's over its joint
 * limits. It only keeps unobservable directions (a straight arm's twist) finite; a solver knows
 * nothing about where in the range a pose lies, so the floor must not either.
 */
function priorPrecision(mode: 'upper' | 'full', name: string): number {
  const [part, dof] = name.split('.');
  const L = JOINT_LIMITS_DEG as unknown as Record<string, Record<string, readonly number[]>>;
  const table =
    part === 'torso' ? (mode === 'upper' ? L.torsoUpper : L.torsoFull)
    : part === 'hips' ? L.hips
    : part.endsWith('Arm') ? (dof === 'bend' || dof === 'pronation' ? L.elbow : L.upperArm)
    : dof === 'bend' ? L.knee
    : dof.startsWith('ankle') ? { ankleFlexion: L.ankle.flexion, ankleInversion: L.ankle.inversion, ankleAbduction: L.ankle.abduction }
    : L.upperLeg;
  const [lo, hi] = table[dof];
  return 12 / ((hi - lo) * DEG) ** 2 / PRIOR_WEAKENING;
}

/**
 * One draw per scored item (degrees) from the best error distribution any unbiased solver could
 * have at `params`, with isotropic landmark noise of `sigma` metres per axis.
 */
export function floorSample(mode: 'upper' | 'full', params: PoseParams, sigma: number, gaussian: () => number): Map<string, number> {
  const names = POSE_PARAMS[mode];
  const n = names.length;
  const base = poseFromParams(mode, params);
  const bends: LimbBends = { elbow: base.elbowBend, knee: base.kneeBend };
  const q0 = quantities(mode, base.pose, bends);
  const jacobian: Float64Array[] = [];
  const outputs = new Map<string, number[][]>([...q0.keys()].map((k) => [k, []]));
  for (let j = 0; j < n; j++) {
    const plus = Float64Array.from(params);
    const minus = Float64Array.from(params);
    plus[j] += STEP;
    minus[j] -= STEP;
    const a = poseFromParams(mode, plus);
    const b = poseFromParams(mode, minus);
    const ya = measurements(mode, a.subject);
    const yb = measurements(mode, b.subject);
    jacobian.push(Float64Array.from(ya, (v, i) => (v - yb[i]) / (2 * STEP)));
    const qa = quantities(mode, a.pose, bends);
    const qb = quantities(mode, b.pose, bends);
    for (const [name, q] of qa) {
      const other = qb.get(name)!;
      const d =
        q.kind === 'rotation' && other.kind === 'rotation'
          ? rotationVector(q.value, other.value)
          : [0, 1, 2].map((i) => (q.value as Float64Array)[i] - (other.value as Float64Array)[i]);
      outputs.get(name)!.push(d.map((v) => v / (2 * STEP)));
    }
  }
  const fisher = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = r; c < n; c++) fisher[r * n + c] = fisher[c * n + r] = whitenedDot(mode, jacobian[r], jacobian[c]) / (sigma * sigma);
    fisher[r * n + r] += priorPrecision(mode, names[r]);
  }
  const covariance = invert(fisher, n);
  const errors = new Map<string, number>();
  for (const [name, g] of outputs) {
    // C = G F⁻¹ Gᵀ (3 × 3), then one Gaussian draw through its Cholesky factor.
    const c = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        let sum = 0;
        for (let r = 0; r < n; r++) for (let k = 0; k < n; k++) sum += g[r][a] * covariance[r * n + k] * g[k][b];
        c[a * 3 + b] = sum;
      }
    }
    const l00 = Math.sqrt(Math.max(0, c[0]));
    const l10 = l00 > 0 ? c[3] / l00 : 0;
    const l20 = l00 > 0 ? c[6] / l00 : 0;
    const l11 = Math.sqrt(Math.max(0, c[4] - l10 * l10));
    const l21 = l11 > 0 ? (c[7] - l20 * l10) / l11 : 0;
    const l22 = Math.sqrt(Math.max(0, c[8] - l20 * l20 - l21 * l21));
    const z0 = gaussian(), z1 = gaussian(), z2 = gaussian();
    const e = [l00 * z0, l10 * z0 + l11 * z1, l20 * z0 + l21 * z1 + l22 * z2];
    errors.set(name, Math.hypot(e[0], e[1], e[2]) / DEG);
  }
  return errors;
}
