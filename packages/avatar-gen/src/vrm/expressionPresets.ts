import { ARKIT_BLENDSHAPE_NAMES, type ARKitBlendshapeName } from '@rigcast/protocol';

/** Morph targets beyond ARKit's 52, used only by presets. */
export const EXTRA_MORPH_NAMES = ['eyeJoy'] as const;
export type ExtraMorphName = (typeof EXTRA_MORPH_NAMES)[number];
export type MorphName = ARKitBlendshapeName | ExtraMorphName;

/** Every morph target of the avatar's mesh, in target index order: ARKit's 52, then the extras. */
export const MORPH_NAMES: readonly MorphName[] = [...ARKIT_BLENDSHAPE_NAMES, ...EXTRA_MORPH_NAMES];

/** How an expression treats blink, look-at and mouth expressions while it is active (VRM 1.0). */
export type ExpressionOverride = 'none' | 'block' | 'blend';

/** One VRM preset: which morphs at which weight, and its overrides. */
export interface PresetRecipe {
  morphs: Partial<Record<MorphName, number>>;
  overrideBlink?: ExpressionOverride;
  overrideMouth?: ExpressionOverride;
}

/**
 * The VRM 1.0 presets, built from the ARKit morphs. Emotions blend blinks away (their eyes are
 * already shaped); surprised also blends the visemes away, since its mouth is an O.
 * The look presets are declared empty: the look-at is of type bone.
 */
export const EXPRESSION_PRESETS: Record<string, PresetRecipe> = {
  aa: { morphs: { jawOpen: 0.85, mouthLowerDownLeft: 0.3, mouthLowerDownRight: 0.3 } },
  ih: { morphs: { jawOpen: 0.25, mouthStretchLeft: 0.5, mouthStretchRight: 0.5, mouthSmileLeft: 0.3, mouthSmileRight: 0.3 } },
  ou: { morphs: { jawOpen: 0.2, mouthFunnel: 0.7, mouthPucker: 0.6 } },
  ee: { morphs: { jawOpen: 0.3, mouthStretchLeft: 0.7, mouthStretchRight: 0.7, mouthUpperUpLeft: 0.3, mouthUpperUpRight: 0.3 } },
  oh: { morphs: { jawOpen: 0.55, mouthFunnel: 0.9 } },
  blink: { morphs: { eyeBlinkLeft: 1, eyeBlinkRight: 1 } },
  blinkLeft: { morphs: { eyeBlinkLeft: 1 } },
  blinkRight: { morphs: { eyeBlinkRight: 1 } },
  happy: {
    morphs: { eyeJoy: 1, mouthSmileLeft: 1, mouthSmileRight: 1, jawOpen: 0.3, cheekSquintLeft: 0.6, cheekSquintRight: 0.6, browInnerUp: 0.2 },
    overrideBlink: 'blend',
  },
  angry: {
    morphs: { browDownLeft: 1, browDownRight: 1, eyeSquintLeft: 0.5, eyeSquintRight: 0.5, mouthFrownLeft: 0.7, mouthFrownRight: 0.7, noseSneerLeft: 0.3, noseSneerRight: 0.3 },
    overrideBlink: 'blend',
  },
  sad: {
    morphs: { browInnerUp: 1, mouthFrownLeft: 0.8, mouthFrownRight: 0.8, eyeSquintLeft: 0.3, eyeSquintRight: 0.3, eyeLookDownLeft: 0.3, eyeLookDownRight: 0.3 },
    overrideBlink: 'blend',
  },
  relaxed: {
    morphs: { eyeJoy: 1, mouthSmileLeft: 0.45, mouthSmileRight: 0.45, browInnerUp: 0.25 },
    overrideBlink: 'blend',
  },
  surprised: {
    morphs: { eyeWideLeft: 1, eyeWideRight: 1, browInnerUp: 0.8, browOuterUpLeft: 0.9, browOuterUpRight: 0.9, jawOpen: 0.45, mouthFunnel: 0.6 },
    overrideBlink: 'blend',
    overrideMouth: 'blend',
  },
  lookUp: { morphs: {} },
  lookDown: { morphs: {} },
  lookLeft: { morphs: {} },
  lookRight: { morphs: {} },
  neutral: { morphs: {} },
};
