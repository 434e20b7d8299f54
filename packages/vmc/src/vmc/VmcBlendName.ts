import { ARKIT_BLENDSHAPE_NAMES, RIG_EXPRESSION_NAMES, type ARKitBlendshapeName, type RigExpressionName } from '@rigcast/protocol';

/**
 * The names VMC uses for the rig's presets: VRM 0.x's BlendShapePreset names, which VMC senders
 * and receivers use by default (case-sensitive). VRM 1.0 renamed the emotions; the pairs are
 * three-vrm's own VRM 0.x → 1.0 mapping:
 * - `Joy` is `happy`, `Sorrow` is `sad`, `Fun` is `relaxed`, `Angry` is `angry`;
 * - `A I U E O` are `aa ih ou ee oh`; `Blink_L`/`Blink_R` are `blinkLeft`/`blinkRight`.
 *
 * VRM 0.x has no surprised preset. `Surprised` is the name VRM 0.x models (and VSeeFace's
 * expression hotkeys) give the custom clip that VRM 1.0 made the `surprised` preset, so the bridge
 * sends and reads it under that name; a model without such a clip ignores it.
 */
export const VRM0_PRESET_NAMES: Readonly<Record<RigExpressionName, string>> = {
  blink: 'Blink',
  blinkLeft: 'Blink_L',
  blinkRight: 'Blink_R',
  aa: 'A',
  ih: 'I',
  ou: 'U',
  ee: 'E',
  oh: 'O',
  happy: 'Joy',
  angry: 'Angry',
  sad: 'Sorrow',
  relaxed: 'Fun',
  surprised: 'Surprised',
};

/**
 * Presets a sender may send that no RigFrame carries: accepted and ignored rather than counted as
 * unknown (the look presets follow gaze, which comes from the eye bones; neutral is the absence of
 * the others). VRM 0.x spellings and VRM 1.0's.
 */
export const IGNORED_PRESET_NAMES: readonly string[] = [
  'Neutral', 'LookUp', 'LookDown', 'LookLeft', 'LookRight',
  'neutral', 'lookUp', 'lookDown', 'lookLeft', 'lookRight',
];

/** How perfect-sync names are spelled: as ARKit does (`eyeBlinkLeft`), or with a capital first letter (`EyeBlinkLeft`). */
export const ArkitNameCase = { Arkit: 'arkit', Pascal: 'pascal' } as const;
export type ArkitNameCase = (typeof ArkitNameCase)[keyof typeof ArkitNameCase];

/** An ARKit name in the given spelling. */
export function arkitVmcName(name: ARKitBlendshapeName, spelling: ArkitNameCase): string {
  return spelling === ArkitNameCase.Pascal ? name[0].toUpperCase() + name.slice(1) : name;
}

/** What a `/VMC/Ext/Blend/Val` name is to the bridge. */
export const BlendTargetKind = { Arkit: 0, Preset: 1, Ignored: 2 } as const;
export type BlendTargetKind = (typeof BlendTargetKind)[keyof typeof BlendTargetKind];

/** Every blendshape name `in` reads, with what each drives. */
export interface BlendNameTable {
  names: readonly string[];
  /** Per name: {@link BlendTargetKind}. */
  kinds: Uint8Array;
  /** Per name: the ARKit wire index, or the rig expression's wire index. */
  indices: Uint8Array;
}

/**
 * The names `in` accepts, each exact (case-sensitive):
 * - the 52 ARKit names, in ARKit's spelling and with a capital first letter (perfect-sync models
 *   name their clips either way);
 * - the presets by their VRM 0.x names ({@link VRM0_PRESET_NAMES}) and their VRM 1.0 names (`aa`,
 *   `happy` …), as senders driving a VRM 1.0 model send them;
 * - {@link IGNORED_PRESET_NAMES}, read and ignored.
 */
export function createBlendNameTable(): BlendNameTable {
  const names: string[] = [];
  const kinds: number[] = [];
  const indices: number[] = [];
  const add = (name: string, kind: BlendTargetKind, index: number) => {
    if (names.includes(name)) return;
    names.push(name);
    kinds.push(kind);
    indices.push(index);
  };
  ARKIT_BLENDSHAPE_NAMES.forEach((name, i) => {
    add(arkitVmcName(name, ArkitNameCase.Arkit), BlendTargetKind.Arkit, i);
    add(arkitVmcName(name, ArkitNameCase.Pascal), BlendTargetKind.Arkit, i);
  });
  RIG_EXPRESSION_NAMES.forEach((name, i) => {
    add(VRM0_PRESET_NAMES[name], BlendTargetKind.Preset, i);
    add(name, BlendTargetKind.Preset, i);
  });
  for (const name of IGNORED_PRESET_NAMES) add(name, BlendTargetKind.Ignored, 0);
  return { names, kinds: Uint8Array.from(kinds), indices: Uint8Array.from(indices) };
}
