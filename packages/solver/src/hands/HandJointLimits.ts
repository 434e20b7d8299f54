import { DEG, clamp } from '@rigcast/math';
import { ANGLES_PER_DIGIT, DigitAngle } from './DigitAngle';

/** The thumb is digit 0. */
const THUMB = 0;

/**
 * The range of one digit's four angles, in radians. `spread` turns the digit in the palm plane
 * (about the palm's normal); the three curls bend its joints toward the palm (flexion > 0), base
 * joint first. For a finger the joints are MCP, PIP and DIP; for the thumb CMC, MCP and IP.
 */
export interface DigitLimits {
  spread: readonly [number, number];
  baseCurl: readonly [number, number];
  middleCurl: readonly [number, number];
  endCurl: readonly [number, number];
}

/**
 * The index, middle, ring and little fingers (from hand-anatomy ranges of motion, a little wider so
 * the clamp never bites a real hand). Spread > 0 turns a finger toward the little-finger side.
 */
export const FINGER_LIMITS: Readonly<DigitLimits> = {
  spread: [-25 * DEG, 25 * DEG],
  baseCurl: [-25 * DEG, 95 * DEG],
  middleCurl: [-5 * DEG, 110 * DEG],
  endCurl: [-10 * DEG, 90 * DEG],
};

/**
 * The thumb, in its own basis (see {@link HandModel}): spread turns it in the palm plane
 * (> 0 toward the index finger), the base curl lifts the metacarpal out of it toward the palm
 * (palmar abduction, opposition), the other two are MCP and IP flexion.
 */
export const THUMB_LIMITS: Readonly<DigitLimits> = {
  spread: [-30 * DEG, 50 * DEG],
  baseCurl: [-20 * DEG, 70 * DEG],
  middleCurl: [-10 * DEG, 75 * DEG],
  endCurl: [-25 * DEG, 95 * DEG],
};

/**
 * A finger spreads fully only while fairly straight: with its three joints bent by more than
 * {@link SPREAD_FULL_BELOW_BEND} in total its spread range narrows, to nothing at
 * {@link SPREAD_NONE_ABOVE_BEND} (VMagicMirror stops solving spread at 120°). The collateral
 * ligaments do the same in a real hand, and a curled finger's spread is ill-conditioned anyway:
 * it points along the palm's normal, about which spread turns.
 */
export const SPREAD_FULL_BELOW_BEND = 60 * DEG;
export const SPREAD_NONE_ABOVE_BEND = 120 * DEG;

/**
 * How a finger's distal joint follows its middle one: DIP ≈ ⅔ PIP, the tendon coupling of real
 * fingers (Rijpkema & Girard, SIGGRAPH 1991). The solver leans on it only as far as the landmarks
 * are noisy (see {@link HandPoseFitter}): a 17 mm distal segment under a few millimetres of noise
 * says little on its own.
 */
export const FINGER_DIP_PER_PIP = 2 / 3;
/** How far (σ, radians) a finger's DIP is expected to stray from {@link FINGER_DIP_PER_PIP} × PIP. */
export const FINGER_DIP_COUPLING_SIGMA = 5 * DEG;
/** The thumb's IP flexes with its MCP; σ (radians) of how far it strays from it. */
export const THUMB_IP_COUPLING_SIGMA = 7 * DEG;

/** The largest spread (radians) a finger with this total bend may have. */
export function maxFingerSpread(totalBend: number): number {
  const t = clamp((SPREAD_NONE_ABOVE_BEND - totalBend) / (SPREAD_NONE_ABOVE_BEND - SPREAD_FULL_BELOW_BEND), 0, 1);
  return FINGER_LIMITS.spread[1] * t;
}

/**
 * Clamps the four angles of digit `digit` (0 = thumb) stored at `params[digit * ANGLES_PER_DIGIT …]`
 * to its limits, the finger's spread to what its bend allows.
 */
export function clampDigitAngles(params: Float64Array, digit: number): void {
  const o = digit * ANGLES_PER_DIGIT;
  const base = o + DigitAngle.BaseCurl, middle = o + DigitAngle.MiddleCurl, end = o + DigitAngle.EndCurl, spread = o + DigitAngle.Spread;
  const limits = digit === THUMB ? THUMB_LIMITS : FINGER_LIMITS;
  params[base] = clamp(params[base], limits.baseCurl[0], limits.baseCurl[1]);
  params[middle] = clamp(params[middle], limits.middleCurl[0], limits.middleCurl[1]);
  params[end] = clamp(params[end], limits.endCurl[0], limits.endCurl[1]);
  if (digit === THUMB) {
    params[spread] = clamp(params[spread], limits.spread[0], limits.spread[1]);
  } else {
    const room = maxFingerSpread(params[base] + params[middle] + params[end]);
    params[spread] = clamp(params[spread], -room, room);
  }
}

/**
 * The wrist: the hand bone's rotation local to the lowerArm, once the forearm's share of the twist
 * has moved out (see {@link constrainWrist}). Flexion bends the palm toward the forearm's palm
 * side, radial deviation toward the thumb.
 */
export const WRIST_LIMITS = {
  flexion: 80 * DEG,
  extension: 70 * DEG,
  radialDeviation: 25 * DEG,
  ulnarDeviation: 40 * DEG,
  /** The twist left on the wrist after {@link FOREARM_TWIST_SHARE} moved to the lowerArm. */
  twist: 60 * DEG,
} as const;

/**
 * The share of the hand's twist about the forearm (pronation and supination, which really happen
 * along the forearm, not in the wrist) that moves into the lowerArm bone. Half and half spreads
 * the skinning's twist between the elbow and the wrist, so neither candy-wraps.
 */
export const FOREARM_TWIST_SHARE = 0.5;
