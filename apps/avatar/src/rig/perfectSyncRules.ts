import type { ARKitBlendshapeName, RigExpressionName } from '@rigcast/protocol';

/**
 * Perfect-sync precedence. A model "has perfect sync" for an ARKit shape when it declares an
 * expression named after it (`eyeBlinkLeft`, or `EyeBlinkLeft` as VRM 0.x tools write it).
 * Those expressions are driven straight from the frame's blendshapes. A derived preset is then
 * left at 0 when the model has every ARKit shape it is derived from, so the face is never moved
 * twice for the same thing (a blink closing the eye by `blink` and again by `eyeBlink*`).
 * Presets the model cannot cover this way keep being driven.
 */
export const PERFECT_SYNC_SUPERSEDES: Readonly<Record<RigExpressionName, readonly ARKitBlendshapeName[]>> = {
  blink: ['eyeBlinkLeft', 'eyeBlinkRight'],
  blinkLeft: ['eyeBlinkLeft'],
  blinkRight: ['eyeBlinkRight'],
  aa: ['jawOpen'],
  ih: ['jawOpen'],
  ou: ['jawOpen'],
  ee: ['jawOpen'],
  oh: ['jawOpen'],
  happy: ['mouthSmileLeft', 'mouthSmileRight'],
  relaxed: ['mouthSmileLeft', 'mouthSmileRight'],
  angry: ['browDownLeft', 'browDownRight'],
  sad: ['mouthFrownLeft', 'mouthFrownRight'],
  surprised: ['browInnerUp', 'eyeWideLeft', 'eyeWideRight'],
};

/**
 * ARKit shapes that are never driven as perfect sync: gaze goes through VRMLookAt alone, so the
 * eyes do not turn twice.
 */
export const GAZE_BLENDSHAPES: readonly ARKitBlendshapeName[] = [
  'eyeLookDownLeft', 'eyeLookDownRight', 'eyeLookInLeft', 'eyeLookInRight',
  'eyeLookOutLeft', 'eyeLookOutRight', 'eyeLookUpLeft', 'eyeLookUpRight',
];

/** True for ARKit shapes that VRM's `overrideBlink` should damp, like the `blink` presets. */
export function isBlinkBlendshape(name: ARKitBlendshapeName): boolean {
  return name === 'eyeBlinkLeft' || name === 'eyeBlinkRight';
}

/** True for ARKit shapes that VRM's `overrideMouth` should damp, like the vowel presets. */
export function isMouthBlendshape(name: ARKitBlendshapeName): boolean {
  return name.startsWith('mouth') || name.startsWith('jaw') || name === 'cheekPuff' || name === 'tongueOut';
}
