/**
 * Forward kinematics on the default avatar's real hand skeleton (`@rigcast/avatar-gen`), written
 * independently of the solver: poses built from angles, and the 21 MediaPipe hand world landmarks
 * they produce. Shared by the hand tests and the benchmark.
 */
import { FINGERS, FINGER_NAMES, THUMB_JOINTS, createSkeleton } from '@rigcast/avatar-gen';
import { DEG, quatFromAxisAngle, quatMultiply, quatRotateVec3, randomUnitQuaternion } from '@rigcast/math';
import type { HumanoidBoneName, Quat } from '@rigcast/protocol';
import type { HandLandmarkerResultLike } from '../HandLandmarkerResultLike';
import type { HandSide } from '../HandSide';

type V = [number, number, number];
const q = (): Quat => [0, 0, 0, 1];

/** The four angles of a digit: spread, then the flexion of its three joints (radians). */
export type DigitAngles = [number, number, number, number];

/** A pose of one hand, canonical (as for the avatar's left hand; reflected for the right). */
export interface HandPoseTruth {
  /** Thumb, index, middle, ring, little. */
  digits: DigitAngles[];
  /** The hand bone's rotation local to the lowerArm. */
  wrist: Quat;
}

const SEGMENT_NAMES = ['Proximal', 'Intermediate', 'Distal'] as const;
const THUMB_NAMES = ['ThumbMetacarpal', 'ThumbProximal', 'ThumbDistal'] as const;

/** The bone names of a side's hand, thumb first, in landmark order (hand excluded). */
export function digitBoneNames(side: HandSide): HumanoidBoneName[][] {
  return [
    THUMB_NAMES.map((n) => `${side}${n}` as HumanoidBoneName),
    ...FINGER_NAMES.map((f) => SEGMENT_NAMES.map((s) => `${side}${f}${s}` as HumanoidBoneName)),
  ];
}

/** Rest positions (model space, T-pose) of one side's lowerArm, hand, 15 digit joints and 5 tips. */
function restJoints(side: HandSide) {
  const skeleton = createSkeleton();
  const k = side === 'left' ? 1 : -1;
  const hand = skeleton.position(`${side}Hand`) as V;
  const digits = digitBoneNames(side).map((names, d) => {
    const joints = names.map((n) => skeleton.position(n) as V);
    const last = joints[2];
    const tip: V = d === 0
      ? [hand[0] + k * THUMB_JOINTS[3][0], hand[1] + THUMB_JOINTS[3][1], hand[2] + THUMB_JOINTS[3][2]]
      : [last[0] + k * FINGERS[FINGER_NAMES[d - 1]].lengths[2], last[1], last[2]];
    return [...joints, tip];
  });
  return { lowerArm: skeleton.position(`${side}LowerArm`) as V, hand, digits };
}

const REST = { left: restJoints('left'), right: restJoints('right') };

/**
 * The rest hand of the avatar as 21 landmarks relative to its left hand bone (the solver's rest
 * shape must equal it).
 */
export function avatarRestLandmarks(): Float64Array {
  const rest = REST.left;
  const out = new Float64Array(63);
  rest.digits.forEach((joints, d) => joints.forEach((p, j) => out.set([p[0] - rest.hand[0], p[1] - rest.hand[1], p[2] - rest.hand[2]], (1 + d * 4 + j) * 3)));
  return out;
}

/** The digit's basis (left hand): X along its first rest segment, Y the hand's back (+Y) made perpendicular, Z = X × Y. */
export function digitBasis(d: number): Quat {
  const [a, b] = REST.left.digits[d];
  const x = norm([b[0] - a[0], b[1] - a[1], b[2] - a[2]]);
  const y = norm([-x[1] * x[0], 1 - x[1] * x[1], -x[1] * x[2]]);
  const z: V = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
  // Rotation whose columns are x, y, z (via two swings: X → x, then Y about x).
  return basisQuat(x, y, z);
}

/** The canonical (left) local rotations of a digit's three bones from its angles. */
export function digitRotations(d: number, angles: DigitAngles): Quat[] {
  const basis = digitBasis(d);
  const inverse: Quat = [-basis[0], -basis[1], -basis[2], basis[3]];
  return [0, 1, 2].map((bone) => {
    const r = quatFromAxisAngle(q(), [0, 0, 1], -angles[1 + bone]);
    if (bone === 0) quatMultiply(r, quatFromAxisAngle(q(), [0, 1, 0], angles[0]), r);
    return quatMultiply(q(), quatMultiply(q(), basis, r), inverse);
  });
}

/** A canonical wrist: twist τ about the forearm (+X) first, then the swing with rotation vector (0, y, z). */
export function wristRotation(twist: number, deviation: number, flexion: number): Quat {
  const angle = Math.hypot(deviation, flexion);
  const swing = angle > 0 ? quatFromAxisAngle(q(), [0, deviation / angle, flexion / angle], angle) : q();
  return quatMultiply(q(), quatFromAxisAngle(q(), [1, 0, 0], twist), swing);
}

/** Reflection x → −x of a rotation: (x, −y, −z, w). */
export const reflect = (r: Readonly<Quat>): Quat => [r[0], -r[1], -r[2], r[3]];

/**
 * The 21 landmarks (flat, output space, metres) of the avatar's `side` hand posed by `pose`
 * (canonical; reflected for the right hand), hanging from a lowerArm whose world rotation is
 * `lowerArmWorld`.
 */
export function avatarHandLandmarks(side: HandSide, pose: HandPoseTruth, lowerArmWorld: Quat): Float64Array {
  const rest = REST[side];
  const onSide = (r: Quat) => (side === 'left' ? r : reflect(r));
  const handWorld = quatMultiply(q(), lowerArmWorld, onSide(pose.wrist));
  const wrist: V = [0, 0, 0];
  const out = new Float64Array(63);
  rest.digits.forEach((joints, d) => {
    const locals = digitRotations(d, pose.digits[d]).map(onSide);
    let parentWorld = handWorld;
    let parentPos = wrist;
    let parentRest = rest.hand;
    joints.forEach((jointRest, j) => {
      const offset: V = [jointRest[0] - parentRest[0], jointRest[1] - parentRest[1], jointRest[2] - parentRest[2]];
      const p = quatRotateVec3([0, 0, 0] as V, parentWorld, offset);
      const pos: V = [parentPos[0] + p[0], parentPos[1] + p[1], parentPos[2] + p[2]];
      out.set(pos, (1 + d * 4 + j) * 3);
      if (j < 3) parentWorld = quatMultiply(q(), parentWorld, locals[j]);
      parentPos = pos;
      parentRest = jointRest;
    });
  });
  return out;
}

/**
 * MediaPipe hand world landmarks for avatar-space points: mirrored into camera space when `mirror`
 * (the subject is the avatar's reflection), then MediaPipe's axes (x right, y down, z away from the
 * camera), origin at the points' centroid, plus `sigma` metres per coordinate times samples of
 * `normal` (a standard-normal source, e.g. `gaussian(seed)` from filters/tests/noise).
 */
export function toMediaPipeWorld(points: Float64Array, mirror: boolean, sigma = 0, normal: () => number = () => 0): { x: number; y: number; z: number }[] {
  const centroid = [0, 1, 2].map((k) => points.filter((_, i) => i % 3 === k).reduce((a, b) => a + b, 0) / 21);
  return Array.from({ length: 21 }, (_, i) => {
    const cx = (mirror ? -1 : 1) * (points[i * 3] - centroid[0]);
    const cy = points[i * 3 + 1] - centroid[1];
    const cz = points[i * 3 + 2] - centroid[2];
    return { x: cx + sigma * normal(), y: -cy + sigma * normal(), z: -cz + sigma * normal() };
  });
}

const uniform = (random: () => number, lo: number, hi: number) => lo + (hi - lo) * random();

/**
 * The joint limits the FK test samples within (degrees; flexion > 0 toward the palm), a little
 * inside the solver's own (HandJointLimits), with the couplings of real hands:
 * - fingers: MCP −15…85, PIP 0…100, DIP = ⅔ PIP ± 8 (0…85); spread ±25 while the finger's total
 *   bend is under 60°, narrowing to 0 at 120°;
 * - thumb: spread −20…40, CMC −10…55, MCP 0…60, IP = MCP ± 12 (−15…85);
 * - wrist: flexion 70, extension 60, radial deviation 20, ulnar 35, and a forearm twist of ±80
 *   relative to the lowerArm the arm chain reports (which the solver shares with it).
 */
export const FK_LIMITS_DEG = {
  finger: { mcp: [-15, 85], pip: [0, 100], dipAroundTwoThirdsPip: 8, dip: [0, 85], spread: 25, spreadFullBelow: 60, spreadNoneAbove: 120 },
  thumb: { spread: [-20, 40], cmc: [-10, 55], mcp: [0, 60], ipAroundMcp: 12, ip: [-15, 85] },
  wrist: { flexion: 70, extension: 60, radial: 20, ulnar: 35, twist: 80 },
} as const;

/**
 * A random pose within {@link FK_LIMITS_DEG}. `coupled: false` samples DIP and IP independently
 * over their whole range instead (poses the anatomy priors do not expect).
 */
export function randomHandPose(random: () => number, coupled = true): HandPoseTruth {
  const L = FK_LIMITS_DEG;
  const clampDeg = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
  const thumbMcp = uniform(random, L.thumb.mcp[0], L.thumb.mcp[1]);
  const thumbIp = coupled ? clampDeg(thumbMcp + uniform(random, -1, 1) * L.thumb.ipAroundMcp, L.thumb.ip) : uniform(random, L.thumb.ip[0], L.thumb.ip[1]);
  const digits: DigitAngles[] = [[
    uniform(random, L.thumb.spread[0], L.thumb.spread[1]) * DEG,
    uniform(random, L.thumb.cmc[0], L.thumb.cmc[1]) * DEG,
    thumbMcp * DEG,
    thumbIp * DEG,
  ]];
  for (let f = 0; f < 4; f++) {
    const mcp = uniform(random, L.finger.mcp[0], L.finger.mcp[1]);
    const pip = uniform(random, L.finger.pip[0], L.finger.pip[1]);
    const dip = coupled ? clampDeg((2 / 3) * pip + uniform(random, -1, 1) * L.finger.dipAroundTwoThirdsPip, L.finger.dip) : uniform(random, L.finger.dip[0], L.finger.dip[1]);
    const bend = mcp + pip + dip;
    const room = Math.min(1, Math.max(0, (L.finger.spreadNoneAbove - bend) / (L.finger.spreadNoneAbove - L.finger.spreadFullBelow)));
    digits.push([uniform(random, -1, 1) * L.finger.spread * room * DEG, mcp * DEG, pip * DEG, dip * DEG]);
  }
  const wrist = wristRotation(
    uniform(random, -1, 1) * L.wrist.twist * DEG,
    uniform(random, -L.wrist.radial, L.wrist.ulnar) * DEG,
    uniform(random, -L.wrist.flexion, L.wrist.extension) * DEG,
  );
  return { digits, wrist };
}

/** A random lowerArm world rotation. */
export function randomLowerArm(random: () => number): Quat {
  return randomUnitQuaternion(random);
}

function norm(v: V): V {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

function basisQuat(x: V, y: V, z: V): Quat {
  // Standard rotation-matrix → quaternion (columns x, y, z).
  const m00 = x[0], m01 = y[0], m02 = z[0], m10 = x[1], m11 = y[1], m12 = z[1], m20 = x[2], m21 = y[2], m22 = z[2];
  const trace = m00 + m11 + m22;
  if (trace > 0) {
    const s = 0.5 / Math.sqrt(trace + 1);
    return [(m21 - m12) * s, (m02 - m20) * s, (m10 - m01) * s, 0.25 / s];
  }
  if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    return [0.25 * s, (m01 + m10) / s, (m02 + m20) / s, (m21 - m12) / s];
  }
  if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    return [(m01 + m10) / s, 0.25 * s, (m12 + m21) / s, (m02 - m20) / s];
  }
  const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
  return [(m02 + m20) / s, (m12 + m21) / s, 0.25 * s, (m10 - m01) / s];
}

/** An open hand: straight fingers, the thumb in the palm plane, a straight wrist. */
export const OPEN_HAND: HandPoseTruth = { digits: [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], wrist: [0, 0, 0, 1] };
/** A fist: fingers curled into the palm, the thumb folded over them. */
export const FIST: HandPoseTruth = {
  digits: [
    [30 * DEG, 40 * DEG, 45 * DEG, 40 * DEG],
    ...[0, 1, 2, 3].map((): DigitAngles => [0, 85 * DEG, 95 * DEG, 63 * DEG]),
  ],
  wrist: [0, 0, 0, 1],
};

/** One hand of a synthetic HandLandmarker result. */
export interface SyntheticHand {
  /** The avatar's hand it should drive. */
  side: HandSide;
  pose: HandPoseTruth;
  lowerArmWorld: Quat;
  /** MediaPipe's label; by default the subject's real hand (correct). */
  label?: 'Left' | 'Right';
  /** The wrist in the image; by default the subject's side of the image (their left on its right). */
  imageWrist?: { x: number; y: number };
  /** How much of the picture the hand spans (its landmarks' larger extent); by default 0, every landmark at the wrist. */
  imageSpan?: number;
}

/**
 * A HandLandmarkerResult for `hands` as the camera would see them when `mirror` decides which
 * subject hand drives which avatar hand, with optional landmark noise.
 */
export function handResult(hands: readonly SyntheticHand[], mirror: boolean, sigma = 0, normal: () => number = () => 0): HandLandmarkerResultLike {
  const result: HandLandmarkerResultLike = { landmarks: [], worldLandmarks: [], handedness: [] };
  for (const hand of hands) {
    const subjectLeft = (hand.side === 'left') !== mirror;
    const world = toMediaPipeWorld(avatarHandLandmarks(hand.side, hand.pose, hand.lowerArmWorld), mirror, sigma, normal);
    const wrist = hand.imageWrist ?? { x: subjectLeft ? 0.7 : 0.3, y: 0.5 };
    result.worldLandmarks.push(world);
    // The image landmarks: the world ones seen from the camera, scaled to span `imageSpan`.
    const span = Math.max(...['x', 'y'].map((axis) => Math.max(...world.map((p) => p[axis as 'x'])) - Math.min(...world.map((p) => p[axis as 'x']))));
    const scale = hand.imageSpan ? hand.imageSpan / span : 0;
    result.landmarks.push(world.map((p) => ({ x: wrist.x + (p.x - world[0].x) * scale, y: wrist.y + (p.y - world[0].y) * scale, z: 0 })));
    result.handedness.push([{ categoryName: hand.label ?? (subjectLeft ? 'Left' : 'Right'), score: 0.97 }]);
  }
  return result;
}

/** An arm chain (ArmChainLike) that reports the given lowerArm world rotations, and none for a side left out. */
export function armChain(arms: Partial<Record<HandSide, Quat>>) {
  return {
    arms,
    lowerArmWorld(side: HandSide, out: Quat): boolean {
      const q = this.arms[side];
      if (!q) return false;
      out[0] = q[0]; out[1] = q[1]; out[2] = q[2]; out[3] = q[3];
      return true;
    },
  };
}
