/**
 * Apple ARKit's 52 face blendshape names, in alphabetical order. This is also MediaPipe's
 * order for the 51 it outputs (it lacks `tongueOut`, which sorts last), and the wire order.
 */
export const ARKIT_BLENDSHAPE_NAMES = [
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
  'tongueOut',
] as const;
export type ARKitBlendshapeName = (typeof ARKIT_BLENDSHAPE_NAMES)[number];

/** The number of ARKit blendshapes (52). */
export const ARKIT_BLENDSHAPE_COUNT = ARKIT_BLENDSHAPE_NAMES.length;

const arkitIndex = new Map<string, number>(ARKIT_BLENDSHAPE_NAMES.map((name, i) => [name, i]));

/** True when `name` is one of ARKit's 52 blendshape names. */
export function isARKitBlendshapeName(name: string): name is ARKitBlendshapeName {
  return arkitIndex.has(name);
}

/** The wire index of an ARKit blendshape name, or -1. */
export function arkitBlendshapeIndex(name: string): number {
  return arkitIndex.get(name) ?? -1;
}
