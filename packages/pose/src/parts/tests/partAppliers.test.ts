import { DEG } from '@rigcast/math';
import { HUMANOID_BONE_NAMES, NECK_SHARE, REST_ARM_DROP_RAD, RIG_EXPRESSION_NAMES, arkitBlendshapeIndex, createEmptyBody, createNeutralFrame, humanoidBoneIndex, type RigFrame } from '@rigcast/protocol';
import { Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { QUAT_STRIDE, RigPose } from '../../pose';
import { BodyPartApplier } from '../BodyPartApplier';
import { FacePartApplier } from '../FacePartApplier';
import { PART_BONES } from '../partBones';
import { RIG_PART_NAMES } from '../RigPartName';
import { MAX_LEAN_RAD, TorsoPartApplier } from '../TorsoPartApplier';

function bone(pose: RigPose, name: Parameters<typeof humanoidBoneIndex>[0]): Quaternion {
  return new Quaternion().fromArray(pose.rotations, humanoidBoneIndex(name) * QUAT_STRIDE);
}


describe('part bones', () => {
  it('give every humanoid bone to exactly one part', () => {
    const owners = HUMANOID_BONE_NAMES.map((name) => RIG_PART_NAMES.filter((part) => PART_BONES[part].includes(name)));
    expect(owners.map((parts) => parts.length)).toEqual(HUMANOID_BONE_NAMES.map(() => 1));
    expect(PART_BONES.leftHand).toHaveLength(16); // the hand and its 15 finger bones
  });
});

describe('FacePartApplier', () => {
  const face = new FacePartApplier();

  it('splits the head rotation across neck and head, composing back to it exactly', () => {
    const frame = createNeutralFrame();
    const head = new Quaternion().setFromAxisAngle(new Vector3(0.3, 1, 0.2).normalize(), 50 * DEG);
    frame.face!.head = [head.x, head.y, head.z, head.w];
    const pose = new RigPose();
    expect(face.write(frame, pose)).toBe(true);
    const neck = bone(pose, 'neck');
    // |q·p| = 1 for the same rotation; measured on the dot, as angleTo's acos cannot resolve below ~1e-8 rad.
    expect(Math.abs(neck.clone().multiply(bone(pose, 'head')).dot(head))).toBeCloseTo(1, 14);
    expect(neck.angleTo(new Quaternion())).toBeCloseTo(50 * DEG * NECK_SHARE, 9);
  });

  it('copies weights and averages the two eyes', () => {
    const frame = createNeutralFrame();
    frame.face!.expressions.blinkLeft = 1;
    frame.face!.blendshapes.jawOpen = 0.75;
    frame.face!.gaze = { left: { yaw: 0.2, pitch: -0.1 }, right: { yaw: 0.4, pitch: 0.1 } };
    const pose = new RigPose();
    face.write(frame, pose);
    expect(pose.expressions[RIG_EXPRESSION_NAMES.indexOf('blinkLeft')]).toBe(1);
    expect(pose.blendshapes[arkitBlendshapeIndex('jawOpen')]).toBe(0.75);
    expect(pose.gazeYaw).toBeCloseTo(0.3, 12);
    expect(pose.gazePitch).toBeCloseTo(0, 12);
  });

  it('a frame without a face, or with a face at confidence 0, does not carry it, and nothing is written', () => {
    const pose = new RigPose();
    pose.expressions.fill(1);
    expect(face.write({ seq: 1, time: 0 }, pose)).toBe(false);
    const lost = createNeutralFrame();
    lost.face!.confidence = 0;
    expect(face.write(lost, pose)).toBe(false);
    expect([...pose.expressions].every((w) => w === 1)).toBe(true);
  });
});

describe('TorsoPartApplier', () => {
  const torso = new TorsoPartApplier();

  it('with a face and no body, leans the spine toward the head offset, and no further than the limit', () => {
    const frame = createNeutralFrame();
    frame.face!.headPosition = [0.05, 0, 0];
    const pose = new RigPose();
    expect(torso.write(frame, pose)).toBe(true);
    const up = new Vector3(0, 1, 0).applyQuaternion(bone(pose, 'spine').multiply(bone(pose, 'chest')));
    expect(up.x).toBeGreaterThan(0.05); // toward +X, the avatar's left

    frame.face!.headPosition = [0, 0, 2];
    const far = new RigPose();
    torso.write(frame, far);
    const total = bone(far, 'spine').multiply(bone(far, 'chest'));
    expect(total.angleTo(new Quaternion())).toBeCloseTo(MAX_LEAN_RAD, 6);
    expect(new Vector3(0, 1, 0).applyQuaternion(total).z).toBeGreaterThan(0); // forward
  });

  it('with a tracked torso, takes the body\'s bones and no lean', () => {
    const frame = createNeutralFrame();
    const spine = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), 10 * DEG);
    frame.body = createEmptyBody();
    frame.body.bones.spine = [spine.x, spine.y, spine.z, spine.w];
    frame.body.confidence.torso = 1;
    frame.face!.headPosition = [0.1, 0, 0];
    const pose = new RigPose();
    expect(torso.write(frame, pose)).toBe(true);
    expect(bone(pose, 'spine').angleTo(spine)).toBeLessThan(1e-9);
    expect(bone(pose, 'chest').angleTo(new Quaternion())).toBe(0);
  });

  it('is not carried with neither a tracked torso nor a tracked face', () => {
    const frame: RigFrame = { seq: 1, time: 0, body: createEmptyBody() };
    expect(torso.write(frame, new RigPose())).toBe(false);
  });
});

describe('BodyPartApplier', () => {
  it('takes a part\'s bones when its confidence is above 0, the rest rotation for bones it leaves out, and nothing at 0', () => {
    const arm = new BodyPartApplier('leftArm');
    const lower = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), 40 * DEG);
    const frame: RigFrame = { seq: 1, time: 0, body: createEmptyBody() };
    frame.body!.bones.leftLowerArm = [lower.x, lower.y, lower.z, lower.w];
    const pose = new RigPose();
    pose.rotations.fill(0.5);
    expect(arm.write(frame, pose)).toBe(false);
    expect(pose.rotations[humanoidBoneIndex('leftLowerArm') * QUAT_STRIDE]).toBe(0.5);

    frame.body!.confidence.leftArm = 0.8;
    expect(arm.write(frame, pose)).toBe(true);
    expect(bone(pose, 'leftLowerArm').angleTo(lower)).toBeLessThan(1e-9);
    expect(bone(pose, 'leftUpperArm').angleTo(new Quaternion())).toBeCloseTo(REST_ARM_DROP_RAD, 9);
    expect(bone(pose, 'leftShoulder').angleTo(new Quaternion())).toBe(0);
    expect(pose.rotations[humanoidBoneIndex('rightUpperArm') * QUAT_STRIDE]).toBe(0.5); // not its part
  });
});
