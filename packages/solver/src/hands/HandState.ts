import { lerp, quatSlerpFlat } from '@rigcast/math';
import { RELAXED_REST_ROTATIONS, humanoidBoneIndex, type HumanoidBoneName } from '@rigcast/protocol';
import type { HandSide } from './HandSide';

const DIGIT_BONES = [
  'ThumbMetacarpal', 'ThumbProximal', 'ThumbDistal',
  'IndexProximal', 'IndexIntermediate', 'IndexDistal',
  'MiddleProximal', 'MiddleIntermediate', 'MiddleDistal',
  'RingProximal', 'RingIntermediate', 'RingDistal',
  'LittleProximal', 'LittleIntermediate', 'LittleDistal',
] as const;

/** The 16 bones of a hand: the hand bone, then the 15 digit bones, thumb first (VRM 1.0 names). */
export const HAND_BONE_COUNT = 1 + DIGIT_BONES.length;

/** The bone names of a side's hand in {@link HandStateLayout} order. */
export function handBoneNames(side: HandSide): HumanoidBoneName[] {
  return [`${side}Hand`, ...DIGIT_BONES.map((b) => `${side}${b}`)] as HumanoidBoneName[];
}

/**
 * Where things sit in a hand's flat state (what {@link PartLifecycle} holds, blends and eases):
 * the 16 bones' local rotations (output space, 4 values each: hand, then digits), the twist
 * (radians) moved into the lowerArm, and the confidence.
 */
export const HandStateLayout = {
  Bones: 0,
  Twist: HAND_BONE_COUNT * 4,
  Confidence: HAND_BONE_COUNT * 4 + 1,
  Size: HAND_BONE_COUNT * 4 + 2,
} as const;

/**
 * The relaxed rest hand of the avatar's `side`: a straight wrist, no twist, fingers as
 * `RELAXED_REST_ROTATIONS` (slightly curled toward the palm), confidence 0.
 */
export function createRestHandState(side: HandSide): Float64Array {
  const state = new Float64Array(HandStateLayout.Size);
  handBoneNames(side).forEach((name, i) => {
    const o = humanoidBoneIndex(name) * 4;
    state.set(RELAXED_REST_ROTATIONS.subarray(o, o + 4), HandStateLayout.Bones + i * 4);
  });
  return state;
}

/** Blends two hand states: slerp for the bones, lerp for the twist and confidence. `out` may alias `a` or `b`. */
export function blendHandState(out: Float64Array, a: Float64Array, b: Float64Array, t: number): void {
  for (let i = 0; i < HAND_BONE_COUNT; i++) {
    const o = HandStateLayout.Bones + i * 4;
    quatSlerpFlat(out, o, a, o, b, o, t);
  }
  out[HandStateLayout.Twist] = lerp(a[HandStateLayout.Twist], b[HandStateLayout.Twist], t);
  out[HandStateLayout.Confidence] = lerp(a[HandStateLayout.Confidence], b[HandStateLayout.Confidence], t);
}
