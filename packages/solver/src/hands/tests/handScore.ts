/**
 * Scoring of solved hands against the truth, digit by digit in each digit's own basis (the same
 * basis the FK poses are built in, handFk.ts): the first bone's spread and curl are read from where
 * it takes the digit's axis, the other bones' curls as their twist about the hinge.
 */
import { DEG, quatMultiply, quatRotateVec3, quatTwistAngle } from '@rigcast/math';
import type { BodyRig, Quat } from '@rigcast/protocol';
import { digitBasis, digitBoneNames, reflect, type DigitAngles } from './handFk';

/** Spread and three curls of a digit from its three canonical (left-hand) local rotations. */
export function readDigit(d: number, bones: readonly Quat[]): DigitAngles {
  const basis = digitBasis(d);
  const inverse: Quat = [-basis[0], -basis[1], -basis[2], basis[3]];
  const inBasis = bones.map((q) => quatMultiply([0, 0, 0, 1], quatMultiply([0, 0, 0, 1], inverse, q), basis));
  const axis = quatRotateVec3([0, 0, 0], inBasis[0], [1, 0, 0]);
  return [
    Math.atan2(-axis[2], axis[0]),
    Math.atan2(-axis[1], Math.hypot(axis[0], axis[2])),
    -quatTwistAngle(inBasis[1], [0, 0, 1]),
    -quatTwistAngle(inBasis[2], [0, 0, 1]),
  ];
}

/** The canonical (left-hand) form of a rotation on the avatar's `side`. */
export const canonical = (q: Readonly<Quat>, side: 'left' | 'right'): Quat => (side === 'left' ? [q[0], q[1], q[2], q[3]] : reflect(q));

/** Difference of two angles, wrapped to [0, π], in degrees. */
export const angleError = (a: number, b: number): number => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b))) / DEG;

/** Median and 95th percentile of the finite values, and how many were not finite (a NaN rotation). */
export function summary(values: readonly number[]): { median: number; p95: number; count: number; notFinite: number } {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), count: sorted.length, notFinite: values.length - sorted.length };
}


/** A finger is curled when its three joints bend this much in total, extended below the second figure. */
export const CURLED_DEG = 120;
export const EXTENDED_DEG = 60;
/** The thumb is extended when its MCP and IP bend less than this in total. */
export const THUMB_EXTENDED_DEG = 40;

/** How bent a hand's digits are, in degrees. */
export interface HandShape {
  /** Total curl of index, middle, ring and little. */
  fingers: number[];
  /** Thumb MCP + IP curl. */
  thumb: number;
}

/** How bent the digits of the avatar's `side` hand are in `body` (which must carry the hand's bones). */
export function readHand(body: BodyRig, side: 'left' | 'right'): HandShape {
  const digits = digitBoneNames(side).map((names, d) => readDigit(d, names.map((n) => canonical(body.bones[n]!, side))).map((a) => a / DEG));
  return { fingers: digits.slice(1).map((a) => a[1] + a[2] + a[3]), thumb: digits[0][2] + digits[0][3] };
}

/** A thumbs-up: the thumb extended, the four fingers curled. */
export const isThumbsUp = (hand: HandShape): boolean => hand.thumb < THUMB_EXTENDED_DEG && hand.fingers.every((curl) => curl > CURLED_DEG);
/** An open hand: every finger extended. */
export const isOpenHand = (hand: HandShape): boolean => hand.fingers.every((curl) => curl < EXTENDED_DEG);
