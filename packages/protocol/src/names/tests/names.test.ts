import { describe, expect, it } from 'vitest';
import {
  ARKIT_BLENDSHAPE_NAMES,
  BODY_PART_BONES,
  BODY_PART_NAMES,
  bodyPartOfBone,
  HUMANOID_BONE_NAMES,
  MEDIAPIPE_BLENDSHAPE_NAMES,
  MEDIAPIPE_INDEX_TO_ARKIT,
  RIG_EXPRESSION_NAMES,
  VRM_EXPRESSION_PRESET_NAMES,
} from '../index';

describe('names', () => {
  it('has the 55 VRM humanoid bones, 52 ARKit shapes and 18 VRM presets, each once', () => {
    expect(new Set(HUMANOID_BONE_NAMES).size).toBe(55);
    expect(new Set(ARKIT_BLENDSHAPE_NAMES).size).toBe(52);
    expect(new Set(VRM_EXPRESSION_PRESET_NAMES).size).toBe(18);
    for (const name of RIG_EXPRESSION_NAMES) expect(VRM_EXPRESSION_PRESET_NAMES).toContain(name);
  });

  it('maps MediaPipe categories to ARKit: _neutral to nothing, 51 to themselves, tongueOut unmapped', () => {
    expect(MEDIAPIPE_BLENDSHAPE_NAMES).toHaveLength(52);
    expect(MEDIAPIPE_INDEX_TO_ARKIT[0]).toBeNull();
    const mapped = MEDIAPIPE_INDEX_TO_ARKIT.filter((n) => n !== null);
    expect(mapped).toHaveLength(51);
    expect(mapped).not.toContain('tongueOut');
    expect(MEDIAPIPE_INDEX_TO_ARKIT[9]).toBe('eyeBlinkLeft');
    expect(MEDIAPIPE_INDEX_TO_ARKIT[25]).toBe('jawOpen');
    expect([...mapped, 'tongueOut']).toEqual([...ARKIT_BLENDSHAPE_NAMES]);
  });
});

describe('BODY_PART_BONES', () => {
  it('gives every bone but the face\'s (neck, head, eyes, jaw) to exactly one body part', () => {
    const face = ['neck', 'head', 'leftEye', 'rightEye', 'jaw'];
    for (const bone of HUMANOID_BONE_NAMES) {
      const parts = BODY_PART_NAMES.filter((part) => BODY_PART_BONES[part].includes(bone));
      expect(parts).toHaveLength(face.includes(bone) ? 0 : 1);
      expect(bodyPartOfBone(bone)).toBe(parts[0] ?? null);
    }
    expect(BODY_PART_BONES.rightHand).toHaveLength(16);
    expect(bodyPartOfBone('leftThumbMetacarpal')).toBe('leftHand');
  });
});
