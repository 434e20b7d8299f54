import { arkitBlendshapeIndex, humanoidBoneIndex, RIG_EXPRESSION_NAMES, type RigExpressionName } from '@rigcast/protocol';
import { Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { QUAT_STRIDE, RigPose } from '@rigcast/pose';
import { AvatarRig } from '../AvatarRig';
import { applyPoseNaive } from '../../../bench/page/applyPoseNaive';
import { applyPoseToRig } from '../applyPoseToRig';
import { makeTestVRM as makeVRM } from './makeTestVRM';

const expressionIndex = (name: RigExpressionName) => RIG_EXPRESSION_NAMES.indexOf(name);

describe('AvatarRig and applyPoseToRig', () => {
  it('perfect sync: ARKit-named expressions (any first-letter case) are driven and supersede the presets they cover', () => {
    const vrm = makeVRM('0', ['blink', 'blinkLeft', 'blinkRight', 'aa', 'happy', 'EyeBlinkLeft', 'EyeBlinkRight', 'JawOpen', 'eyeLookInLeft']);
    const rig = new AvatarRig(vrm);
    expect(rig.perfectSyncCount).toBe(3); // eyeLookInLeft is gaze: VRMLookAt's job
    expect(rig.perfectSyncNames()).toEqual({ eyeBlinkLeft: 'EyeBlinkLeft', eyeBlinkRight: 'EyeBlinkRight', jawOpen: 'JawOpen' });

    const pose = new RigPose();
    pose.expressions[expressionIndex('blink')] = 1;
    pose.expressions[expressionIndex('blinkLeft')] = 1;
    pose.expressions[expressionIndex('aa')] = 1;
    pose.expressions[expressionIndex('happy')] = 0.5;
    pose.blendshapes[arkitBlendshapeIndex('eyeBlinkLeft')] = 0.9;
    pose.blendshapes[arkitBlendshapeIndex('jawOpen')] = 0.4;
    pose.blendshapes[arkitBlendshapeIndex('eyeLookInLeft')] = 1;
    applyPoseToRig(pose, rig);
    const manager = vrm.expressionManager!;
    expect(manager.getValue('EyeBlinkLeft')).toBeCloseTo(0.9, 12);
    expect(manager.getValue('JawOpen')).toBeCloseTo(0.4, 12);
    expect(manager.getValue('blink')).toBe(0);
    expect(manager.getValue('blinkLeft')).toBe(0);
    expect(manager.getValue('aa')).toBe(0);
    expect(manager.getValue('happy')).toBe(0.5); // no mouthSmile shapes: the preset still drives it
    expect(manager.getValue('eyeLookInLeft')).toBe(0);
    // VRM's override rules reach the perfect-sync shapes too.
    expect(manager.blinkExpressionNames).toContain('EyeBlinkLeft');
    expect(manager.mouthExpressionNames).toContain('JawOpen');
  });

  it('without perfect sync, every preset the model has is driven', () => {
    const vrm = makeVRM('1', ['blink', 'aa', 'surprised']);
    const rig = new AvatarRig(vrm);
    expect(rig.perfectSyncCount).toBe(0);
    const pose = new RigPose();
    pose.expressions[expressionIndex('blink')] = 0.7;
    pose.expressions[expressionIndex('aa')] = 0.3;
    pose.expressions[expressionIndex('surprised')] = 1;
    applyPoseToRig(pose, rig);
    expect(vrm.expressionManager!.getValue('blink')).toBeCloseTo(0.7, 12);
    expect(vrm.expressionManager!.getValue('aa')).toBeCloseTo(0.3, 12);
    expect(vrm.expressionManager!.getValue('surprised')).toBe(1);
  });

  it('turns the head the same way on VRM 0.x (turned 180° on load) and 1.0', () => {
    const q = new Quaternion().setFromAxisAngle(new Vector3(1, 0.5, 0.3).normalize(), 0.6);
    const pose = new RigPose();
    q.toArray(pose.rotations, humanoidBoneIndex('head') * QUAT_STRIDE);
    const v1 = makeVRM('1', []);
    applyPoseToRig(pose, new AvatarRig(v1));
    expect(v1.humanoid.getNormalizedBoneNode('head')!.quaternion.angleTo(q)).toBeLessThan(1e-6);
    const v0 = makeVRM('0', []);
    applyPoseToRig(pose, new AvatarRig(v0));
    // Conjugated by the 180° turn about Y: X and Z change sign.
    expect(v0.humanoid.getNormalizedBoneNode('head')!.quaternion.angleTo(new Quaternion(-q.x, q.y, -q.z, q.w))).toBeLessThan(1e-6);
  });

  it('skipping unchanged bones leaves exactly the result of writing every bone', () => {
    const a = new RigPose();
    const b = new RigPose();
    new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), 0.4).toArray(b.rotations, humanoidBoneIndex('neck') * QUAT_STRIDE);
    new Quaternion().setFromAxisAngle(new Vector3(0, 0, 1), -0.3).toArray(b.rotations, humanoidBoneIndex('leftUpperArm') * QUAT_STRIDE);
    const cached = makeVRM('1', []);
    const naive = makeVRM('1', []);
    const cachedRig = new AvatarRig(cached);
    const naiveRig = new AvatarRig(naive);
    for (const pose of [a, b, b, a, b]) {
      applyPoseToRig(pose, cachedRig);
      applyPoseNaive(pose, naiveRig);
      for (const name of ['hips', 'spine', 'neck', 'head', 'leftUpperArm', 'rightUpperArm'] as const) {
        const got = cached.humanoid.getNormalizedBoneNode(name)!.quaternion;
        const want = naive.humanoid.getNormalizedBoneNode(name)!.quaternion;
        expect(got.angleTo(want)).toBeLessThan(1e-6);
      }
    }
  });
});
