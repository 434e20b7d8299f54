import type { ARKitBlendshapeName } from './ARKitBlendshapeName.js';

/**
 * FaceLandmarker's 52 blendshape categories, by the index MediaPipe reports them at.
 * Index 0, `_neutral`, is not an ARKit shape; the other 51 are ARKit's, minus `tongueOut`.
 */
export const MEDIAPIPE_BLENDSHAPE_NAMES = [
  '_neutral',
  'browDownLeft', 'browDownRight', 'browInnerUp', 'browOuterUpLeft', 'browOuterUpRight',
  'cheekPuff', 'cheekSquintLeft', 'cheekSquintRight',
  'eyeBlinkLeft', 'eyeBlinkRight',
  'eyeLookDownLeft', 'eyeLookDownRight', 'eyeLookInLeft', 'eyeLookInRight',
  'eyeLookOutLeft', 'eyeLookOutRight', 'eyeLookUpLeft', 'eyeLookUpRight',
  'eyeSquintLeft', 'eyeSquintRight', 'eyeWideLeft', 'eyeWideRight',
  'jawForward', 'jawLeft', 'jawOpen', 'jawRight',
  'mouthClose', 'mouthDimpleLeft', 'mouthDimpleRight', 'mouthFrownLeft', 'mouthFrownRight',
  'mouthFunnel', 'mouthLeft', 'mouthLowerDownLeft', 'mouthLowerDownRight',
  'mouthPressLeft', 'mouthPressRight', 'mouthPucker', 'mouthRight',
  'mouthRollLower', 'mouthRollUpper', 'mouthShrugLower', 'mouthShrugUpper',
  'mouthSmileLeft', 'mouthSmileRight', 'mouthStretchLeft', 'mouthStretchRight',
  'mouthUpperUpLeft', 'mouthUpperUpRight',
  'noseSneerLeft', 'noseSneerRight',
] as const;
export type MediaPipeBlendshapeName = (typeof MEDIAPIPE_BLENDSHAPE_NAMES)[number];

/**
 * The ARKit name for each MediaPipe category index, or `null` for `_neutral`.
 * Spelled out rather than computed so that a reordering upstream fails loudly in tests.
 */
export const MEDIAPIPE_INDEX_TO_ARKIT: readonly (ARKitBlendshapeName | null)[] = MEDIAPIPE_BLENDSHAPE_NAMES.map(
  (name) => (name === '_neutral' ? null : name),
);
