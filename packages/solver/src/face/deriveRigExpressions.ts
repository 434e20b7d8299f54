import { RIG_EXPRESSION_NAMES, arkitBlendshapeIndex, type RigExpressionName } from '@rigcast/protocol';
import type { MutableArrayLike } from '@rigcast/math';
import { solveEmotions, solveVowels, type MouthInput } from './solveMouth';

/** Wire index of an ARKit shape. */
const A = (name: string): number => arkitBlendshapeIndex(name);
const JAW_OPEN = A('jawOpen');
const MOUTH_FUNNEL = A('mouthFunnel');
const MOUTH_PUCKER = A('mouthPucker');
const MOUTH_STRETCH_LEFT = A('mouthStretchLeft');
const MOUTH_STRETCH_RIGHT = A('mouthStretchRight');
const MOUTH_SMILE_LEFT = A('mouthSmileLeft');
const MOUTH_SMILE_RIGHT = A('mouthSmileRight');
const MOUTH_FROWN_LEFT = A('mouthFrownLeft');
const MOUTH_FROWN_RIGHT = A('mouthFrownRight');
const MOUTH_CLOSE = A('mouthClose');
const BROW_DOWN_LEFT = A('browDownLeft');
const BROW_DOWN_RIGHT = A('browDownRight');
const BROW_INNER_UP = A('browInnerUp');
const BROW_OUTER_UP_LEFT = A('browOuterUpLeft');
const BROW_OUTER_UP_RIGHT = A('browOuterUpRight');
const EYE_WIDE_LEFT = A('eyeWideLeft');
const EYE_WIDE_RIGHT = A('eyeWideRight');
const EYE_SQUINT_LEFT = A('eyeSquintLeft');
const EYE_SQUINT_RIGHT = A('eyeSquintRight');
const EYE_BLINK_LEFT = A('eyeBlinkLeft');
const EYE_BLINK_RIGHT = A('eyeBlinkRight');

/** Wire index of a rig expression. */
const E = Object.fromEntries(RIG_EXPRESSION_NAMES.map((name, i) => [name, i])) as Record<RigExpressionName, number>;

// Scratch for one call; fixed-shape objects, so stores never box.
const _mouth: MouthInput = {
  jawOpen: 0, mouthFunnel: 0, mouthPucker: 0, mouthStretch: 0, mouthSmile: 0, mouthFrown: 0,
  mouthClose: 0, browDown: 0, browInnerUp: 0, browOuterUp: 0, eyeWide: 0, eyeSquint: 0,
};
const _expressions: Record<RigExpressionName, number> = {
  blink: 0, blinkLeft: 0, blinkRight: 0, aa: 0, ih: 0, ou: 0, ee: 0, oh: 0,
  happy: 0, angry: 0, sad: 0, relaxed: 0, surprised: 0,
};

/**
 * Derives the VRM presets a model without perfect sync needs from the 52 ARKit weights, the
 * same way whatever the source (the webcam solver, or an iPhone through the VMC bridge):
 * - `blink` is the closure both eyes share, `blinkLeft`/`blinkRight` what each eye adds to it
 *   (from `eyeBlinkLeft`/`eyeBlinkRight`, which are the avatar's own left and right);
 * - vowels and emotions from the mouth and brow shapes ({@link solveVowels}, {@link solveEmotions}).
 *
 * Reads `weights` (ARKit wire order) from `weightsOffset` and writes the rig expressions (wire
 * order) into `out` from `outOffset`. Allocates nothing.
 */
export function deriveRigExpressions(weights: ArrayLike<number>, weightsOffset: number, out: MutableArrayLike, outOffset: number): void {
  // Indexed directly: a helper closure over `weights` would be a new object on every call.
  const base = weightsOffset;
  const m = _mouth;
  m.jawOpen = weights[base + JAW_OPEN];
  m.mouthFunnel = weights[base + MOUTH_FUNNEL];
  m.mouthPucker = weights[base + MOUTH_PUCKER];
  m.mouthStretch = (weights[base + MOUTH_STRETCH_LEFT] + weights[base + MOUTH_STRETCH_RIGHT]) / 2;
  m.mouthSmile = (weights[base + MOUTH_SMILE_LEFT] + weights[base + MOUTH_SMILE_RIGHT]) / 2;
  m.mouthFrown = (weights[base + MOUTH_FROWN_LEFT] + weights[base + MOUTH_FROWN_RIGHT]) / 2;
  m.mouthClose = weights[base + MOUTH_CLOSE];
  m.browDown = (weights[base + BROW_DOWN_LEFT] + weights[base + BROW_DOWN_RIGHT]) / 2;
  m.browInnerUp = weights[base + BROW_INNER_UP];
  m.browOuterUp = (weights[base + BROW_OUTER_UP_LEFT] + weights[base + BROW_OUTER_UP_RIGHT]) / 2;
  m.eyeWide = (weights[base + EYE_WIDE_LEFT] + weights[base + EYE_WIDE_RIGHT]) / 2;
  m.eyeSquint = (weights[base + EYE_SQUINT_LEFT] + weights[base + EYE_SQUINT_RIGHT]) / 2;

  const e = _expressions;
  const closeLeft = weights[base + EYE_BLINK_LEFT];
  const closeRight = weights[base + EYE_BLINK_RIGHT];
  const both = Math.min(closeLeft, closeRight);
  e.blink = both;
  e.blinkLeft = closeLeft - both;
  e.blinkRight = closeRight - both;
  solveVowels(m, e);
  solveEmotions(m, e);
  // Named reads: a keyed read of a number field would box it.
  out[outOffset + E.blink] = e.blink;
  out[outOffset + E.blinkLeft] = e.blinkLeft;
  out[outOffset + E.blinkRight] = e.blinkRight;
  out[outOffset + E.aa] = e.aa;
  out[outOffset + E.ih] = e.ih;
  out[outOffset + E.ou] = e.ou;
  out[outOffset + E.ee] = e.ee;
  out[outOffset + E.oh] = e.oh;
  out[outOffset + E.happy] = e.happy;
  out[outOffset + E.angry] = e.angry;
  out[outOffset + E.sad] = e.sad;
  out[outOffset + E.relaxed] = e.relaxed;
  out[outOffset + E.surprised] = e.surprised;
}
