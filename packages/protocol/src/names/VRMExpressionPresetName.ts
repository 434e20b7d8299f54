/** The VRM 1.0 expression presets. */
export const VRMExpressionPresetName = {
  Aa: 'aa',
  Ih: 'ih',
  Ou: 'ou',
  Ee: 'ee',
  Oh: 'oh',
  Blink: 'blink',
  BlinkLeft: 'blinkLeft',
  BlinkRight: 'blinkRight',
  Happy: 'happy',
  Angry: 'angry',
  Sad: 'sad',
  Relaxed: 'relaxed',
  Surprised: 'surprised',
  LookUp: 'lookUp',
  LookDown: 'lookDown',
  LookLeft: 'lookLeft',
  LookRight: 'lookRight',
  Neutral: 'neutral',
} as const;
export type VRMExpressionPresetName = (typeof VRMExpressionPresetName)[keyof typeof VRMExpressionPresetName];

/** Every VRM 1.0 preset name. */
export const VRM_EXPRESSION_PRESET_NAMES: readonly VRMExpressionPresetName[] = Object.values(VRMExpressionPresetName);

/**
 * The presets a RigFrame carries, in wire order: blinks, vowels and emotions.
 * The look presets are driven from gaze by VRMLookAt, and `neutral` is the absence of the others.
 */
export const RIG_EXPRESSION_NAMES = [
  'blink', 'blinkLeft', 'blinkRight',
  'aa', 'ih', 'ou', 'ee', 'oh',
  'happy', 'angry', 'sad', 'relaxed', 'surprised',
] as const satisfies readonly VRMExpressionPresetName[];
export type RigExpressionName = (typeof RIG_EXPRESSION_NAMES)[number];
