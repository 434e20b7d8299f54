import { DEG, quatAngleBetween, quatFromAxisAngle, quatMultiply, quatRotateVec3, seededRandom } from '@rigcast/math';
import type { Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import '@rigcast/math/testing';
import { constrainWrist } from '../constrainWrist';
import { FOREARM_TWIST_SHARE, WRIST_LIMITS } from '../HandJointLimits';
import { wristRotation } from './handFk';

const q = (): Quat => [0, 0, 0, 1];

describe('constrainWrist', () => {
  it('moves its share of the forearm twist to the lowerArm and keeps the hand where it was, within the limits', () => {
    const random = seededRandom(4);
    for (let k = 0; k < 500; k++) {
      const twist = (random() * 2 - 1) * 100 * DEG;
      const local = wristRotation(twist, (random() * 55 - 20) * DEG, (random() * 130 - 70) * DEG);
      const hand = q();
      const share = constrainWrist(hand, local);
      expect(share).toBeCloseTo(FOREARM_TWIST_SHARE * twist, 9);
      // lowerArm · Rx(share) · hand = lowerArm · local.
      const recomposed = quatMultiply(q(), quatFromAxisAngle(q(), [1, 0, 0], share), hand);
      expect(recomposed).toBeCloseToQuaternion(local, 1e-6);
    }
  });

  it('clamps what the wrist cannot do: a palm bent back 120°, a 180° twist, a 70° sideways bend', () => {
    const hand = q();
    constrainWrist(hand, wristRotation(0, 0, 120 * DEG));
    expect(quatAngleBetween(hand, wristRotation(0, 0, WRIST_LIMITS.extension))).toBeLessThan(1e-6);
    constrainWrist(hand, wristRotation(0, 0, -120 * DEG));
    expect(quatAngleBetween(hand, wristRotation(0, 0, -WRIST_LIMITS.flexion))).toBeLessThan(1e-6);
    constrainWrist(hand, wristRotation(0, -70 * DEG, 0));
    expect(quatAngleBetween(hand, wristRotation(0, -WRIST_LIMITS.radialDeviation, 0))).toBeLessThan(1e-6);
    const share = constrainWrist(hand, wristRotation(179 * DEG, 0, 0));
    expect(share).toBeCloseTo(FOREARM_TWIST_SHARE * 179 * DEG, 9);
    expect(quatAngleBetween(hand, q())).toBeCloseTo(WRIST_LIMITS.twist, 6);
  });

  it('reads flexion as the palm turning toward the palm side (−Y) and radial deviation toward the thumb (+Z)', () => {
    const fingers = quatRotateVec3([0, 0, 0], wristRotation(0, 0, -30 * DEG), [1, 0, 0]);
    expect(fingers[1]).toBeLessThan(-0.4);
    const radial = quatRotateVec3([0, 0, 0], wristRotation(0, -15 * DEG, 0), [1, 0, 0]);
    expect(radial[2]).toBeGreaterThan(0.2);
  });
});
