import { DEG, quatRotateVec3, vec3AngleBetween } from '@rigcast/math';
import { createEmptyBody } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { BodySolver } from '../BodySolver';
import { BodySide } from '../BodySide';
import { ARM_BEHIND_LIMIT_RAD, ARM_BEHIND_TRUSTED_RAD, limitBehindTorso } from '../limitBehindTorso';
import { landmarksOf, poseArmAngles, worldRotation, type BonePose } from './bodyFk';

const behind = (d: ArrayLike<number>) => Math.asin(-d[2]) / DEG;

describe('limitBehindTorso', () => {
  it('trusts depth up to 35° behind the torso, compresses it beyond and never passes 50°', () => {
    const at = (deg: number, azimuth = 0.3): Float64Array => {
      const e = deg * DEG;
      return Float64Array.of(Math.cos(e) * Math.cos(azimuth), Math.cos(e) * Math.sin(azimuth), -Math.sin(e));
    };
    const within = at(30);
    expect(limitBehindTorso(within)).toBe(false);
    expect(behind(within)).toBeCloseTo(30, 9);
    let previous = ARM_BEHIND_TRUSTED_RAD / DEG;
    for (const deg of [40, 50, 60, 75, 89]) {
      const d = at(deg);
      expect(limitBehindTorso(d)).toBe(true);
      expect(Math.hypot(d[0], d[1], d[2])).toBeCloseTo(1, 12);
      expect(behind(d)).toBeGreaterThan(previous); // still monotonic: an arm moving further back still moves
      expect(behind(d)).toBeLessThan(ARM_BEHIND_LIMIT_RAD / DEG);
      expect(Math.atan2(d[1], d[0])).toBeCloseTo(0.3, 9); // only the depth changes
      previous = behind(d);
    }
  });

  it('keeps an arm whose landmarks swing it 70° behind the back at most 50° behind on the avatar', () => {
    const pose: BonePose = {};
    poseArmAngles(pose, BodySide.Left, { elevation: -10 * DEG, azimuth: -70 * DEG, twist: 0, bend: 30 * DEG, pronation: 0 });
    poseArmAngles(pose, BodySide.Right, { elevation: -60 * DEG, azimuth: 20 * DEG, twist: 0, bend: 30 * DEG, pronation: 0 });
    const solver = new BodySolver({ mirror: false, smoothing: 0 });
    const body = createEmptyBody();
    for (let f = 0; f < 20; f++) solver.solve(landmarksOf(pose), f * 33, body);
    const upperArm = quatRotateVec3([0, 0, 0], worldRotation(body.bones, 'leftUpperArm'), [1, 0, 0]);
    const truth = quatRotateVec3([0, 0, 0], worldRotation(pose, 'leftUpperArm'), [1, 0, 0]);
    expect(behind(truth)).toBeGreaterThan(65);
    expect(behind(upperArm)).toBeLessThan(ARM_BEHIND_LIMIT_RAD / DEG);
    expect(behind(upperArm)).toBeGreaterThan(ARM_BEHIND_TRUSTED_RAD / DEG);
    expect(vec3AngleBetween(upperArm, truth) / DEG).toBeLessThan(35); // still where it points, sideways and down
  });
});
