import type { Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import {
  quatAngleBetween,
  quatConjugate,
  quatFromHeadAngles,
  quatFromRotationMatrix,
  quatMultiply,
  quatSlerp,
  quatToHeadAngles,
} from '../quaternion';

const DEG = Math.PI / 180;

describe('quaternion helpers', () => {
  it('round-trips head angles (yaw, then pitch, then roll)', () => {
    const q: Quat = [0, 0, 0, 1];
    const a = { yaw: 0, pitch: 0, roll: 0 };
    for (const [yaw, pitch, roll] of [[10, 20, 30], [-40, 15, -35], [0, -60, 5], [80, 0, 0]]) {
      quatToHeadAngles(a, quatFromHeadAngles(q, yaw * DEG, pitch * DEG, roll * DEG));
      expect(a.yaw / DEG).toBeCloseTo(yaw, 9);
      expect(a.pitch / DEG).toBeCloseTo(pitch, 9);
      expect(a.roll / DEG).toBeCloseTo(roll, 9);
    }
  });

  it('follows the RigFrame conventions: roll > 0 moves the top of the head toward −X, yaw > 0 turns the face toward +X', () => {
    const q = quatFromHeadAngles([0, 0, 0, 1], 0, 0, 30 * DEG);
    // Rotate +Y (top of the head) by q: x' of (0,1,0).
    const [x, y, z, w] = q;
    const topX = 2 * (x * y - w * z);
    expect(topX).toBeLessThan(0);
    const turned = quatFromHeadAngles([0, 0, 0, 1], 30 * DEG, 0, 0);
    const [a, b, c, d] = turned;
    const forwardX = 2 * (a * c + d * b); // x' of (0,0,1)
    expect(forwardX).toBeGreaterThan(0);
  });

  it('reads a rotation matrix back to the same rotation', () => {
    const q = quatFromHeadAngles([0, 0, 0, 1], 25 * DEG, -10 * DEG, 40 * DEG);
    const [x, y, z, w] = q;
    const m = [
      1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
      2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
      2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y),
    ];
    const back = quatFromRotationMatrix([0, 0, 0, 1], m);
    expect(quatAngleBetween(back, q)).toBeLessThan(1e-6);
  });

  it('slerps along the short arc and composes with multiply/conjugate', () => {
    const a = quatFromHeadAngles([0, 0, 0, 1], 0, 0, 0);
    const b = quatFromHeadAngles([0, 0, 0, 1], 90 * DEG, 0, 0);
    const mid = quatSlerp([0, 0, 0, 1], a, b, 0.5);
    expect(quatAngleBetween(mid, quatFromHeadAngles([0, 0, 0, 1], 45 * DEG, 0, 0))).toBeLessThan(1e-9);
    const delta = quatMultiply([0, 0, 0, 1], quatConjugate([0, 0, 0, 1], a), b);
    expect(quatAngleBetween(delta, b)).toBeLessThan(1e-9);
  });
});
