import { describe, expect, it } from 'vitest';
import { HUMANOID_BONE_NAMES, REQUIRED_HUMANOID_BONE_NAMES } from '../HumanoidBoneName';
import { HUMANOID_BONE_PARENT } from '../HumanoidBoneParent';

describe('HUMANOID_BONE_PARENT', () => {
  it('gives every bone but hips a parent, and every chain ends at hips without a cycle', () => {
    expect(Object.keys(HUMANOID_BONE_PARENT).sort()).toEqual([...HUMANOID_BONE_NAMES].sort());
    for (const name of HUMANOID_BONE_NAMES) {
      let bone: string | null = name;
      for (let steps = 0; bone !== 'hips'; steps++) {
        expect(steps).toBeLessThan(10);
        bone = HUMANOID_BONE_PARENT[bone as keyof typeof HUMANOID_BONE_PARENT];
        expect(bone).not.toBeNull();
      }
    }
    expect(HUMANOID_BONE_PARENT.hips).toBeNull();
  });

  it('follows the VRM 1.0 hierarchy where it matters: arms hang from the shoulders, fingers from the hand, thumbs chain', () => {
    expect(HUMANOID_BONE_PARENT.leftUpperArm).toBe('leftShoulder');
    expect(HUMANOID_BONE_PARENT.rightShoulder).toBe('upperChest');
    expect(HUMANOID_BONE_PARENT.neck).toBe('upperChest');
    expect(HUMANOID_BONE_PARENT.rightThumbDistal).toBe('rightThumbProximal');
    expect(HUMANOID_BONE_PARENT.leftLittleProximal).toBe('leftHand');
    // Required bones hang from required bones, through optional ones at most.
    for (const name of REQUIRED_HUMANOID_BONE_NAMES) expect(HUMANOID_BONE_PARENT[name] === null || HUMANOID_BONE_NAMES.includes(HUMANOID_BONE_PARENT[name]!)).toBe(true);
  });
});
