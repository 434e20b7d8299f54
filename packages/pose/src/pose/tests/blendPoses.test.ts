import { humanoidBoneIndex } from '@rigcast/protocol';
import { Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { RigPartName, createPartWeights, rigPartIndex } from '../../parts';
import { blendPoses, blendPosesByPart } from '../blendPoses';
import { QUAT_STRIDE, RigPose } from '../RigPose';

const HEAD = humanoidBoneIndex('head') * QUAT_STRIDE;
const LEFT_UPPER_ARM = humanoidBoneIndex('leftUpperArm') * QUAT_STRIDE;

describe('blendPoses and blendPosesByPart', () => {
  it('slerps rotations and lerps weights and gaze, in place', () => {
    const a = new RigPose();
    const b = new RigPose();
    new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), 1).toArray(b.rotations, HEAD);
    b.expressions[0] = 1;
    b.blendshapes[3] = 0.5;
    b.gazeYaw = 0.4;
    blendPoses(a, b, 0.25, a);
    expect(new Quaternion().fromArray(a.rotations, HEAD).angleTo(new Quaternion())).toBeCloseTo(0.25, 9);
    expect(a.expressions[0]).toBeCloseTo(0.25, 12);
    expect(a.blendshapes[3]).toBeCloseTo(0.125, 12);
    expect(a.gazeYaw).toBeCloseTo(0.1, 12);
  });

  it('takes each bone along by the weight of its own part, and the face\'s weights and gaze by the face\'s', () => {
    const a = new RigPose();
    const b = new RigPose();
    new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), 1).toArray(b.rotations, HEAD);
    new Quaternion().setFromAxisAngle(new Vector3(0, 0, 1), 1).toArray(b.rotations, LEFT_UPPER_ARM);
    new Quaternion().toArray(a.rotations, LEFT_UPPER_ARM);
    b.expressions[0] = 1;
    const weights = createPartWeights(0);
    weights[rigPartIndex(RigPartName.LeftArm)] = 0.5;
    const out = blendPosesByPart(a, b, weights, new RigPose());
    expect(new Quaternion().fromArray(out.rotations, HEAD).angleTo(new Quaternion())).toBe(0);
    expect(out.expressions[0]).toBe(0);
    expect(new Quaternion().fromArray(out.rotations, LEFT_UPPER_ARM).angleTo(new Quaternion())).toBeCloseTo(0.5, 9);
    weights[rigPartIndex(RigPartName.Face)] = 1;
    blendPosesByPart(a, b, weights, out);
    expect(new Quaternion().fromArray(out.rotations, HEAD).angleTo(new Quaternion())).toBeCloseTo(1, 9);
    expect(out.expressions[0]).toBe(1);
  });
});
