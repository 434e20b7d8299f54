import { DEG } from '@rigcast/math';
import { RIG_EXPRESSION_NAMES, arkitBlendshapeIndex, humanoidBoneIndex } from '@rigcast/protocol';
import { Euler, Quaternion } from 'three';
import { QUAT_STRIDE, type RigPose } from '@rigcast/pose';


/** One breath, in ms. */
export const BREATH_PERIOD_MS = 4200;
/** How far the chest pitches with a breath, in radians. */
export const BREATH_CHEST_RAD = 1.2 * DEG;
/** How far the spine pitches with a breath, in radians. */
export const BREATH_SPINE_RAD = 0.5 * DEG;
/** One side-to-side sway, in ms. */
export const SWAY_PERIOD_MS = 7300;
/** How far the spine rolls with the sway, in radians. */
export const SWAY_SPINE_RAD = 1.5 * DEG;
/** One slow look around, in ms. */
export const HEAD_DRIFT_PERIOD_MS = 11_000;
/** How far the head turns while idle, in radians. */
export const HEAD_DRIFT_YAW_RAD = 4 * DEG;
/** How far the head nods while idle, in radians. */
export const HEAD_DRIFT_PITCH_RAD = 1.5 * DEG;
/** How long one automatic blink takes, in ms. */
export const BLINK_DURATION_MS = 160;
/** Shortest and longest pause between automatic blinks, in ms. */
export const BLINK_GAP_MIN_MS = 2200;
export const BLINK_GAP_MAX_MS = 5200;

const SPINE = humanoidBoneIndex('spine');
const CHEST = humanoidBoneIndex('chest');
const NECK = humanoidBoneIndex('neck');
const HEAD = humanoidBoneIndex('head');
const BLINK = RIG_EXPRESSION_NAMES.indexOf('blink');
const EYE_BLINK_LEFT = arkitBlendshapeIndex('eyeBlinkLeft');
const EYE_BLINK_RIGHT = arkitBlendshapeIndex('eyeBlinkRight');
const TWO_PI = Math.PI * 2;
const _q = new Quaternion();
const _euler = new Euler();
/** Pitch, yaw and roll for {@link setBone}: numbers passed to a call V8 does not inline are boxed, array slots are not. */
const _angles = new Float64Array(3);
const PITCH = 0;
const YAW = 1;
const ROLL = 2;

/**
 * Writes the rotation in {@link _angles} (yaw, then pitch, then roll) into `bone`. Component by
 * component: three's `toArray` serves every kind of array, so V8 boxes each number it stores.
 */
function setBone(rotations: Float64Array, bone: number): void {
  _q.setFromEuler(_euler.set(_angles[PITCH], _angles[YAW], _angles[ROLL], 'YXZ'));
  const offset = bone * QUAT_STRIDE;
  rotations[offset] = _q.x;
  rotations[offset + 1] = _q.y;
  rotations[offset + 2] = _q.z;
  rotations[offset + 3] = _q.w;
}

/** A small deterministic random generator (mulberry32), so idle motion is reproducible. */
function nextRandom(state: { seed: number }): number {
  let t = (state.seed = (state.seed + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * What the avatar does with no one driving it: it breathes (chest and spine), sways a little,
 * lets its head drift, and blinks every few seconds. A function of time, so it is smooth at
 * any frame rate.
 */
export class IdleMotion {
  private readonly random: { seed: number };
  private blinkAt = -1;

  constructor(seed = 1) {
    this.random = { seed };
  }

  /** Eyelid closure of the automatic blink at `nowMs`, in [0, 1]. */
  blinkWeight(nowMs: number): number {
    if (this.blinkAt < 0) this.blinkAt = nowMs + this.blinkGap() / 2;
    else if (nowMs >= this.blinkAt + BLINK_DURATION_MS) this.blinkAt = nowMs + this.blinkGap();
    const phase = (nowMs - this.blinkAt) / BLINK_DURATION_MS;
    return phase <= 0 || phase >= 1 ? 0 : Math.sin(Math.PI * phase);
  }

  /** Writes the idle pose at `nowMs` into `target`. */
  sample(nowMs: number, target: RigPose): RigPose {
    target.reset();
    const breath = Math.sin((TWO_PI * nowMs) / BREATH_PERIOD_MS);
    const sway = Math.sin((TWO_PI * nowMs) / SWAY_PERIOD_MS);
    const drift = Math.sin((TWO_PI * nowMs) / HEAD_DRIFT_PERIOD_MS);
    const nod = Math.sin((TWO_PI * nowMs) / (HEAD_DRIFT_PERIOD_MS * 0.61));
    const r = target.rotations;
    const a = _angles;
    a[PITCH] = breath * BREATH_SPINE_RAD;
    a[YAW] = 0;
    a[ROLL] = sway * SWAY_SPINE_RAD;
    setBone(r, SPINE);
    a[PITCH] = -breath * BREATH_CHEST_RAD;
    a[ROLL] = 0;
    setBone(r, CHEST);
    // The neck takes back part of the sway, so the head stays roughly level.
    a[PITCH] = nod * HEAD_DRIFT_PITCH_RAD * 0.5;
    a[YAW] = drift * HEAD_DRIFT_YAW_RAD * 0.4;
    a[ROLL] = -sway * SWAY_SPINE_RAD * 0.5;
    setBone(r, NECK);
    a[YAW] = drift * HEAD_DRIFT_YAW_RAD * 0.6;
    a[ROLL] = 0;
    setBone(r, HEAD);
    const blink = this.blinkWeight(nowMs);
    target.expressions[BLINK] = blink;
    target.blendshapes[EYE_BLINK_LEFT] = blink;
    target.blendshapes[EYE_BLINK_RIGHT] = blink;
    return target;
  }

  private blinkGap(): number {
    return BLINK_GAP_MIN_MS + (BLINK_GAP_MAX_MS - BLINK_GAP_MIN_MS) * nextRandom(this.random);
  }
}
