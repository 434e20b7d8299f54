import type { RigFrame } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { SharedBody } from '../SharedBody';

describe('SharedBody', () => {
  it('takes out only the released parts: the hands stay when the pose is switched off, and the frame loses the body with the last bone', () => {
    const shared = new SharedBody();
    const frame: RigFrame = { seq: 0, time: 0 };
    const { bones, confidence } = shared.rig;
    bones.spine = [0, 0, 0, 1];
    bones.leftUpperArm = [0, 0, 0, 1];
    bones.leftHand = [0, 0, 0, 1];
    bones.leftIndexProximal = [0, 0, 0, 1];
    confidence.torso = 1;
    confidence.leftArm = 0.8;
    confidence.leftHand = 0.9;
    shared.attach(frame);
    expect(frame.body).toBe(shared.rig);

    shared.release(frame, ['torso', 'leftArm', 'rightArm', 'leftLeg', 'rightLeg']);
    expect(Object.keys(bones).sort()).toEqual(['leftHand', 'leftIndexProximal']);
    expect(confidence).toMatchObject({ torso: 0, leftArm: 0, leftHand: 0.9 });
    expect(frame.body).toBe(shared.rig);

    shared.release(frame, ['leftHand', 'rightHand']);
    expect(Object.keys(bones)).toEqual([]);
    expect(confidence.leftHand).toBe(0);
    expect(frame.body).toBeUndefined();
  });
});
