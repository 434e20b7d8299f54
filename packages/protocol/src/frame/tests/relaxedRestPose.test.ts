import { describe, expect, it } from 'vitest';
import { HUMANOID_BONE_NAMES, humanoidBoneIndex } from '../../names/HumanoidBoneName';
import { RELAXED_REST_ROTATIONS } from '../relaxedRestPose';

/** Rotates v by the quaternion stored at wire index `bone`. */
function rotate(bone: string, v: [number, number, number]): [number, number, number] {
  const o = humanoidBoneIndex(bone) * 4;
  const [x, y, z, w] = RELAXED_REST_ROTATIONS.subarray(o, o + 4);
  const tx = 2 * (y * v[2] - z * v[1]), ty = 2 * (z * v[0] - x * v[2]), tz = 2 * (x * v[1] - y * v[0]);
  return [v[0] + w * tx + y * tz - z * ty, v[1] + w * ty + z * tx - x * tz, v[2] + w * tz + x * ty - y * tx];
}

describe('the relaxed rest pose', () => {
  it('hangs both upper arms 70° below the T-pose, outward and down, and mirror-symmetric', () => {
    const left = rotate('leftUpperArm', [1, 0, 0]);
    const right = rotate('rightUpperArm', [-1, 0, 0]);
    expect(left[1]).toBeCloseTo(-Math.sin((70 * Math.PI) / 180), 12);
    expect(left[0]).toBeGreaterThan(0);
    expect(right[0]).toBeCloseTo(-left[0], 12);
    expect(right[1]).toBeCloseTo(left[1], 12);
  });

  it('curls the thumbs toward the palm (−Y) across their own direction, mirror-symmetric', () => {
    for (const segment of ['Metacarpal', 'Proximal', 'Distal']) {
      const left = rotate(`leftThumb${segment}`, [Math.SQRT1_2, 0, Math.SQRT1_2]);
      const right = rotate(`rightThumb${segment}`, [-Math.SQRT1_2, 0, Math.SQRT1_2]);
      expect(left[1]).toBeLessThan(-0.15);
      // Bending about the axis across the thumb keeps it in its vertical plane: x = z.
      expect(left[0]).toBeCloseTo(left[2], 12);
      expect(right).toEqual([expect.closeTo(-left[0], 12), expect.closeTo(left[1], 12), expect.closeTo(left[2], 12)]);
    }
  });

  it('curls the four fingers of each hand toward the palm (−Y in the T-pose) and leaves the rest at identity', () => {
    for (const name of HUMANOID_BONE_NAMES) {
      const finger = /^(left|right)(Index|Middle|Ring|Little)/.exec(name);
      const thumb = /^(left|right)Thumb/.test(name);
      const arm = name === 'leftUpperArm' || name === 'rightUpperArm';
      const o = humanoidBoneIndex(name) * 4;
      if (thumb) continue;
      if (!finger && !arm) {
        expect(Array.from(RELAXED_REST_ROTATIONS.subarray(o, o + 4))).toEqual([0, 0, 0, 1]);
        continue;
      }
      if (finger) {
        const along = finger[1] === 'left' ? 1 : -1;
        const tip = rotate(name, [along, 0, 0]);
        expect(tip[1]).toBeLessThan(-0.15);
        expect(tip[1]).toBeGreaterThan(-0.3);
      }
    }
  });
});
