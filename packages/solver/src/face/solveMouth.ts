import type { RigExpressionName } from '@rigcast/protocol';

/** Blendshape scores the mouth and emotion solvers read, subject-side and already filtered. */
export interface MouthInput {
  jawOpen: number;
  mouthFunnel: number;
  mouthPucker: number;
  mouthStretch: number; // mean of left and right
  mouthSmile: number; // mean of left and right
  mouthFrown: number; // mean of left and right
  mouthClose: number;
  browDown: number; // mean of left and right
  browInnerUp: number;
  browOuterUp: number; // mean of left and right
  eyeWide: number; // mean of left and right
  eyeSquint: number; // mean of left and right
}

/** The VRM vowel presets. */
export type VowelName = 'aa' | 'ih' | 'ou' | 'ee' | 'oh';
/** The VRM emotion presets. */
export type EmotionName = 'happy' | 'angry' | 'sad' | 'relaxed' | 'surprised';

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);
/** Linear ramp: 0 at `from`, 1 at `to`. */
const ramp = (v: number, from: number, to: number): number => clamp01((v - from) / (to - from));

// MediaPipe reads jawOpen ≈ 0.05 with lips together and ≈ 0.5–0.7 wide open.
const JAW_CLOSED = 0.06;
const JAW_WIDE = 0.45;
// Rounding (pucker, funnel) and spreading (stretch, smile) reach useful levels around 0.3–0.5.
const ROUND_FULL = 0.45;
const SPREAD_FULL = 0.4;

/**
 * The VRM vowels from the mouth's shape. Each vowel is a mix of how open (jaw), how round
 * (pucker, funnel) and how spread (stretch, smile) the mouth is:
 * `aa` open and neither round nor spread; `oh` open and funnelled; `ou` nearly closed and puckered;
 * `ee` spread with a little opening; `ih` slightly open and mildly spread. The five sum to at most 1
 * so an avatar never opens its mouth twice. Writes into `out`.
 */
export function solveVowels(input: Readonly<MouthInput>, out: Pick<Record<RigExpressionName, number>, VowelName>): void {
  const open = ramp(input.jawOpen, JAW_CLOSED, JAW_WIDE) * (1 - 0.5 * clamp01(input.mouthClose * 2));
  const funnel = ramp(input.mouthFunnel, 0.05, ROUND_FULL);
  const pucker = ramp(input.mouthPucker, 0.1, ROUND_FULL + 0.1);
  const round = Math.max(funnel, pucker);
  const spread = ramp(Math.max(input.mouthStretch, input.mouthSmile * 0.7), 0.05, SPREAD_FULL);
  const active = Math.max(open, round * 0.8);

  let aa = open * (1 - round) * (1 - 0.6 * spread);
  let oh = open * funnel;
  let ou = pucker * (1 - 0.5 * open) * (1 - funnel * 0.5);
  let ee = spread * ramp(input.jawOpen, JAW_CLOSED * 0.5, JAW_WIDE * 0.4) * (1 - round);
  let ih = open * spread * 0.6 * (1 - round);
  const sum = aa + oh + ou + ee + ih;
  if (sum > 0) {
    // Keep the overall amount at how active the mouth is, and never above 1.
    const scale = Math.min(1, Math.max(active, ee) / sum);
    aa *= scale; oh *= scale; ou *= scale; ee *= scale; ih *= scale;
  }
  out.aa = clamp01(aa);
  out.ih = clamp01(ih);
  out.ou = clamp01(ou);
  out.ee = clamp01(ee);
  out.oh = clamp01(oh);
}

/**
 * The VRM emotions that a face's shapes support, modestly: `happy` from smiling, `surprised`
 * from raised brows with wide eyes, `angry` from lowered brows without a smile, `sad` from a frown
 * with the inner brows up. `relaxed` is not derivable from the shapes and stays 0.
 */
export function solveEmotions(input: Readonly<MouthInput>, out: Pick<Record<RigExpressionName, number>, EmotionName>): void {
  const smile = ramp(input.mouthSmile, 0.15, 0.7);
  out.happy = smile;
  const browsUp = ramp(Math.max(input.browInnerUp, input.browOuterUp), 0.2, 0.7);
  out.surprised = browsUp * ramp(input.eyeWide + input.jawOpen * 0.5, 0.05, 0.4) * (1 - smile);
  out.angry = ramp(input.browDown, 0.25, 0.7) * (1 - smile) * 0.8;
  out.sad = ramp(input.mouthFrown, 0.1, 0.5) * (0.5 + 0.5 * ramp(input.browInnerUp, 0.1, 0.5)) * (1 - smile) * 0.8;
  out.relaxed = 0;
}
