import { ARKIT_BLENDSHAPE_NAMES, HUMANOID_BONE_NAMES, RIG_EXPRESSION_NAMES } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { UNITY_BONE_NAMES, UNITY_THUMB_NAMES } from '../UnityBoneName';
import { ArkitNameCase, BlendTargetKind, VRM0_PRESET_NAMES, arkitVmcName, createBlendNameTable } from '../VmcBlendName';

// Unity's HumanBodyBones, spelled out independently of the rule that builds UNITY_BONE_NAMES.
const HUMAN_BODY_BONES = [
  'Hips', 'LeftUpperLeg', 'RightUpperLeg', 'LeftLowerLeg', 'RightLowerLeg', 'LeftFoot', 'RightFoot', 'Spine', 'Chest', 'Neck', 'Head',
  'LeftShoulder', 'RightShoulder', 'LeftUpperArm', 'RightUpperArm', 'LeftLowerArm', 'RightLowerArm', 'LeftHand', 'RightHand',
  'LeftToes', 'RightToes', 'LeftEye', 'RightEye', 'Jaw',
  'LeftThumbProximal', 'LeftThumbIntermediate', 'LeftThumbDistal', 'LeftIndexProximal', 'LeftIndexIntermediate', 'LeftIndexDistal',
  'LeftMiddleProximal', 'LeftMiddleIntermediate', 'LeftMiddleDistal', 'LeftRingProximal', 'LeftRingIntermediate', 'LeftRingDistal',
  'LeftLittleProximal', 'LeftLittleIntermediate', 'LeftLittleDistal',
  'RightThumbProximal', 'RightThumbIntermediate', 'RightThumbDistal', 'RightIndexProximal', 'RightIndexIntermediate', 'RightIndexDistal',
  'RightMiddleProximal', 'RightMiddleIntermediate', 'RightMiddleDistal', 'RightRingProximal', 'RightRingIntermediate', 'RightRingDistal',
  'RightLittleProximal', 'RightLittleIntermediate', 'RightLittleDistal', 'UpperChest',
];

describe('bone names', () => {
  it('map the 55 VRM 1.0 bones one to one onto Unity\'s 55 HumanBodyBones', () => {
    expect(HUMAN_BODY_BONES).toHaveLength(55);
    const unity = HUMANOID_BONE_NAMES.map((bone) => UNITY_BONE_NAMES[bone]);
    expect(new Set(unity).size).toBe(55);
    expect([...unity].sort()).toEqual([...HUMAN_BODY_BONES].sort());
  });

  it('rename the thumb: VRM 1.0 Metacarpal/Proximal/Distal are Unity\'s Proximal/Intermediate/Distal', () => {
    expect(UNITY_BONE_NAMES.leftThumbMetacarpal).toBe('LeftThumbProximal');
    expect(UNITY_BONE_NAMES.leftThumbProximal).toBe('LeftThumbIntermediate');
    expect(UNITY_BONE_NAMES.leftThumbDistal).toBe('LeftThumbDistal');
    expect(UNITY_BONE_NAMES.rightThumbMetacarpal).toBe('RightThumbProximal');
    expect(Object.keys(UNITY_THUMB_NAMES)).toHaveLength(6);
    // Every other finger keeps its joint names.
    expect(UNITY_BONE_NAMES.leftIndexProximal).toBe('LeftIndexProximal');
    expect(UNITY_BONE_NAMES.upperChest).toBe('UpperChest');
  });
});

describe('blendshape names', () => {
  it('name the presets as VRM 0.x does: A I U E O Blink Blink_L Blink_R Joy Angry Sorrow Fun, plus Surprised', () => {
    expect(RIG_EXPRESSION_NAMES.map((name) => VRM0_PRESET_NAMES[name])).toEqual([
      'Blink', 'Blink_L', 'Blink_R', 'A', 'I', 'U', 'E', 'O', 'Joy', 'Angry', 'Sorrow', 'Fun', 'Surprised',
    ]);
    expect(VRM0_PRESET_NAMES.happy).toBe('Joy');
    expect(VRM0_PRESET_NAMES.sad).toBe('Sorrow');
    expect(VRM0_PRESET_NAMES.relaxed).toBe('Fun');
  });

  it('read ARKit names in both spellings, presets by VRM 0.x and 1.0 names, case-sensitively', () => {
    const table = createBlendNameTable();
    const target = (name: string) => {
      const i = table.names.indexOf(name);
      return i < 0 ? null : { kind: table.kinds[i], index: table.indices[i] };
    };
    const arkit = (name: string) => ({ kind: BlendTargetKind.Arkit, index: ARKIT_BLENDSHAPE_NAMES.indexOf(name as never) });
    const preset = (name: string) => ({ kind: BlendTargetKind.Preset, index: RIG_EXPRESSION_NAMES.indexOf(name as never) });
    expect(target('jawOpen')).toEqual(arkit('jawOpen'));
    expect(target('JawOpen')).toEqual(arkit('jawOpen'));
    expect(target('tongueOut')).toEqual(arkit('tongueOut'));
    expect(target('Blink_L')).toEqual(preset('blinkLeft'));
    expect(target('blinkLeft')).toEqual(preset('blinkLeft'));
    expect(target('A')).toEqual(preset('aa'));
    expect(target('aa')).toEqual(preset('aa'));
    expect(target('Joy')).toEqual(preset('happy'));
    expect(target('Fun')).toEqual(preset('relaxed'));
    expect(target('LookUp')?.kind).toBe(BlendTargetKind.Ignored);
    for (const wrongCase of ['jawopen', 'JAWOPEN', 'blink_l', 'a', 'joy', 'BLINK']) expect(target(wrongCase)).toBeNull();
    expect(table.names).toHaveLength(52 * 2 + 13 * 2 + 10);
  });

  it('spell ARKit names as ARKit does, or with a capital first letter', () => {
    expect(arkitVmcName('eyeBlinkLeft', ArkitNameCase.Arkit)).toBe('eyeBlinkLeft');
    expect(arkitVmcName('eyeBlinkLeft', ArkitNameCase.Pascal)).toBe('EyeBlinkLeft');
  });
});
