import { createNeutralFrame, humanoidBoneIndex, RIG_EXPRESSION_NAMES, arkitBlendshapeIndex } from '@rigcast/protocol';
import { Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { MAX_LEAN_RAD, NECK_SHARE, poseFromFrame } from '../poseFromFrame';
import { REST_ARM_DROP_RAD } from '../restPose';
import { QUAT_STRIDE, RigPose } from '../RigPose';

function bone(pose: RigPose, name: Parameters<typeof humanoidBoneIndex>[0]): Quaternion {
  return new Quaternion().fromArray(pose.rotations, humanoidBoneIndex(name) * QUAT_STRIDE);
}

const DEG = Math.PI / 180;

describe('poseFromFrame', () => {
  it('splits the head rotation across neck and head, composing back to it exactly', () => {
    const frame = createNeutralFrame();
    const head = new Quaternion().setFromAxisAngle(new Vector3(0.3, 1, 0.2).normalize(), 50 * DEG);
    frame.face!.head = [head.x, head.y, head.z, head.w];
    const pose = poseFromFrame(frame, new RigPose());
    const neck = bone(pose, 'neck');
    const composed = neck.clone().multiply(bone(pose, 'head'));
    expect(composed.angleTo(head)).toBeLessThan(1e-9);
    expect(neck.angleTo(new Quaternion())).toBeCloseTo(50 * DEG * NECK_SHARE, 9);
  });

  it('leans the spine toward the head offset, and no further than the limit', () => {
    const frame = createNeutralFrame();
    frame.face!.headPosition = [0.05, 0, 0];
    const pose = poseFromFrame(frame, new RigPose());
    const up = new Vector3(0, 1, 0).applyQuaternion(bone(pose, 'spine').multiply(bone(pose, 'chest')));
    expect(up.x).toBeGreaterThan(0.05); // toward +X, the avatar's left

    frame.face!.headPosition = [0, 0, 2];
    const far = poseFromFrame(frame, new RigPose());
    const total = bone(far, 'spine').multiply(bone(far, 'chest'));
    expect(total.angleTo(new Quaternion())).toBeCloseTo(MAX_LEAN_RAD, 6);
    expect(new Vector3(0, 1, 0).applyQuaternion(total).z).toBeGreaterThan(0); // forward
  });

  it('copies body bones, leaves the spine alone when the body has it, and keeps rest arms otherwise', () => {
    const frame = createNeutralFrame();
    const spine = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), 10 * DEG);
    frame.body = { bones: { spine: [spine.x, spine.y, spine.z, spine.w] }, confidence: { torso: 1, leftArm: 0, rightArm: 0, leftHand: 0, rightHand: 0, leftLeg: 0, rightLeg: 0 } };
    frame.face!.headPosition = [0.1, 0, 0];
    const pose = poseFromFrame(frame, new RigPose());
    expect(bone(pose, 'spine').angleTo(spine)).toBeLessThan(1e-9);
    expect(bone(pose, 'leftUpperArm').angleTo(new Quaternion())).toBeCloseTo(REST_ARM_DROP_RAD, 9);
    const leftHand = new Vector3(1, 0, 0).applyQuaternion(bone(pose, 'leftUpperArm'));
    expect(leftHand.y).toBeLessThan(-0.9); // hanging down
  });

  it('copies weights and averages the two eyes', () => {
    const frame = createNeutralFrame();
    frame.face!.expressions.blinkLeft = 1;
    frame.face!.blendshapes.jawOpen = 0.75;
    frame.face!.gaze = { left: { yaw: 0.2, pitch: -0.1 }, right: { yaw: 0.4, pitch: 0.1 } };
    const pose = poseFromFrame(frame, new RigPose());
    expect(pose.expressions[RIG_EXPRESSION_NAMES.indexOf('blinkLeft')]).toBe(1);
    expect(pose.blendshapes[arkitBlendshapeIndex('jawOpen')]).toBe(0.75);
    expect(pose.gazeYaw).toBeCloseTo(0.3, 12);
    expect(pose.gazePitch).toBeCloseTo(0, 12);
  });

  it('a frame without a face gives a neutral face', () => {
    const target = new RigPose();
    target.expressions.fill(1);
    target.gazeYaw = 1;
    const pose = poseFromFrame({ seq: 1, time: 0 }, target);
    expect([...pose.expressions].every((w) => w === 0)).toBe(true);
    expect(pose.gazeYaw).toBe(0);
    expect(bone(pose, 'head').angleTo(new Quaternion())).toBe(0);
  });
});
