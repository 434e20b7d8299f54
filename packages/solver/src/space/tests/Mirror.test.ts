import { HUMANOID_BONE_NAMES } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { cameraPointFromMediaPipe } from '../cameraPointFromMediaPipe';
import { Mirror } from '../Mirror';

describe('Mirror.boneTargets', () => {
  it('keeps every bone unmirrored, and swaps each left bone with its right twin when mirrored', () => {
    const direct = Mirror.boneTargets(false);
    const mirrored = Mirror.boneTargets(true);
    HUMANOID_BONE_NAMES.forEach((name, i) => {
      expect(direct[i]).toBe(i);
      const twin = HUMANOID_BONE_NAMES[mirrored[i]];
      if (name.startsWith('left')) expect(twin).toBe(`right${name.slice(4)}`);
      else if (name.startsWith('right')) expect(twin).toBe(`left${name.slice(5)}`);
      else expect(twin).toBe(name);
      expect(mirrored[mirrored[i]]).toBe(i);
    });
  });
});

describe('cameraPointFromMediaPipe', () => {
  it('turns image axes (x right, y down, z away) into camera space (x right, y up, z toward the camera)', () => {
    expect(cameraPointFromMediaPipe([0, 0, 0], { x: 0.1, y: -0.5, z: 0.2 })).toEqual([0.1, 0.5, -0.2]);
  });
});
