import { DEG, quatFromAxisAngle, quatRotateVec3, randomUnitQuaternion, seededRandom } from '@rigcast/math';
import '@rigcast/math/testing';
import { describe, expect, it } from 'vitest';
import { switchPositionHandedness, switchRotationHandedness } from '../switchHandedness';

function position(v: ArrayLike<number>): number[] {
  const out = [0, 0, 0];
  switchPositionHandedness(out, 0, v, 0);
  return out;
}

function rotation(q: ArrayLike<number>): number[] {
  const out = [0, 0, 0, 0];
  switchRotationHandedness(out, 0, q, 0);
  return out;
}

describe('switching between Unity\'s left-handed space and rigcast\'s right-handed one', () => {
  it('mirrors X for positions and negates y and z of rotations, and is its own inverse', () => {
    expect(position([0.1, 1.2, -0.3])).toEqual([-0.1, 1.2, -0.3]);
    expect(rotation([0.1, 0.2, 0.3, 0.9])).toEqual([0.1, -0.2, -0.3, 0.9]);
    expect(position(position([0.1, 1.2, -0.3]))).toEqual([0.1, 1.2, -0.3]);
    expect(rotation(rotation([0.1, 0.2, 0.3, 0.9]))).toEqual([0.1, 0.2, 0.3, 0.9]);
  });

  it('agrees with the mirror: rotating a point then converting equals converting both then rotating', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 100; i++) {
      const q = randomUnitQuaternion(random);
      const v = [random() - 0.5, random() - 0.5, random() - 0.5];
      const viaUnity = position(quatRotateVec3([0, 0, 0], q, v));
      const viaRigcast = quatRotateVec3([0, 0, 0], rotation(q), position(v));
      for (let k = 0; k < 3; k++) expect(viaRigcast[k]).toBeCloseTo(viaUnity[k], 12);
    }
  });

  it('keeps the avatar\'s right its right: a head turned 30° to the right in Unity faces −X in rigcast', () => {
    // Unity: a positive turn about +Y takes the face (+Z) toward +X, the avatar's right in Unity.
    const unityRight = quatFromAxisAngle([0, 0, 0, 1], [0, 1, 0], 30 * DEG);
    expect(quatRotateVec3([0, 0, 0], unityRight, [0, 0, 1])[0]).toBeCloseTo(0.5, 12);
    const rigcast = rotation(unityRight);
    expect(rigcast).toBeCloseToQuaternion(quatFromAxisAngle([0, 0, 0, 1], [0, 1, 0], -30 * DEG), 1e-9);
    // In rigcast the avatar's left is +X, so facing −X is facing its right.
    expect(quatRotateVec3([0, 0, 0], rigcast, [0, 0, 1])[0]).toBeCloseTo(-0.5, 12);
  });
});
