import { humanoidBoneIndex } from '@rigcast/protocol';
import { Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { blendPoses } from '../blendPoses';
import { QUAT_STRIDE, RigPose } from '../RigPose';
import { slerpQuatFlat } from '../slerpQuatFlat';

describe('slerpQuatFlat', () => {
  it('matches three.js slerp, including across the double cover', () => {
    const a = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), 0.3);
    const b = new Quaternion().setFromAxisAngle(new Vector3(1, 1, 0).normalize(), 2.5);
    const negB = new Quaternion(-b.x, -b.y, -b.z, -b.w);
    for (const t of [0, 0.25, 0.5, 1]) {
      const out = new Float64Array(4);
      slerpQuatFlat(out, 0, new Float64Array(a.toArray()), 0, new Float64Array(negB.toArray()), 0, t);
      expect(new Quaternion().fromArray(out).angleTo(a.clone().slerp(b, t))).toBeLessThan(1e-6);
    }
  });
});

describe('blendPoses', () => {
  it('slerps rotations and lerps weights and gaze, in place', () => {
    const a = new RigPose();
    const b = new RigPose();
    const head = humanoidBoneIndex('head') * QUAT_STRIDE;
    new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), 1).toArray(b.rotations, head);
    b.expressions[0] = 1;
    b.blendshapes[3] = 0.5;
    b.gazeYaw = 0.4;
    blendPoses(a, b, 0.25, a);
    expect(new Quaternion().fromArray(a.rotations, head).angleTo(new Quaternion())).toBeCloseTo(0.25, 9);
    expect(a.expressions[0]).toBeCloseTo(0.25, 12);
    expect(a.blendshapes[3]).toBeCloseTo(0.125, 12);
    expect(a.gazeYaw).toBeCloseTo(0.1, 12);
  });
});
