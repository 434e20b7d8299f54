import type { Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { quatAngleBetween, quatFromHeadAngles } from '@rigcast/math';
import { OneEuroQuaternionFilter } from '../OneEuroQuaternionFilter';
import { frameTime, gaussian, std } from './noise';

const DEG = Math.PI / 180;
const params = { minCutoff: 0.5, beta: 2, derivativeCutoff: 1 };

describe('OneEuroQuaternionFilter', () => {
  it('steps along the geodesic to the target without overshoot, staying a unit quaternion', () => {
    const f = new OneEuroQuaternionFilter(params);
    const start: Quat = [0, 0, 0, 1];
    const goal = quatFromHeadAngles<Quat>([0, 0, 0, 1], 40 * DEG, -20 * DEG, 30 * DEG);
    const total = quatAngleBetween(start, goal);
    const out: Quat = [0, 0, 0, 1];
    f.filter(start, 0, out);
    let previousRemaining = total;
    for (let i = 1; i < 60; i++) {
      f.filter(goal, frameTime(i), out);
      expect(Math.hypot(...out)).toBeCloseTo(1, 12);
      const remaining = quatAngleBetween(out, goal);
      const travelled = quatAngleBetween(start, out);
      expect(remaining).toBeLessThanOrEqual(previousRemaining + 1e-12);
      expect(travelled + remaining).toBeCloseTo(total, 9); // on the great arc: no overshoot, no detour
      previousRemaining = remaining;
    }
    expect(previousRemaining).toBeLessThan(0.1 * DEG);
  });

  it('takes the short way when the target is given with the opposite sign', () => {
    const f = new OneEuroQuaternionFilter(params);
    const out: Quat = [0, 0, 0, 1];
    f.filter([0, 0, 0, 1], 0, out);
    const goal = quatFromHeadAngles<Quat>([0, 0, 0, 1], 10 * DEG, 0, 0);
    const negated: Quat = [-goal[0], -goal[1], -goal[2], -goal[3]];
    f.filter(negated, 33, out);
    expect(quatAngleBetween(out, goal)).toBeLessThan(10 * DEG);
  });

  it('cuts rotational jitter at rest by more than 3×', () => {
    const f = new OneEuroQuaternionFilter(params);
    const noise = gaussian(7);
    const out: Quat = [0, 0, 0, 1];
    const rawRoll: number[] = [];
    const outRoll: number[] = [];
    for (let i = 0; i < 300; i++) {
      const roll = 0.5 * DEG * noise();
      const q = quatFromHeadAngles<Quat>([0, 0, 0, 1], 0.3 * DEG * noise(), 0.3 * DEG * noise(), roll);
      f.filter(q, frameTime(i), out);
      rawRoll.push(roll);
      outRoll.push(2 * Math.atan2(out[2], out[3]));
    }
    expect(std(rawRoll.slice(30)) / std(outRoll.slice(30))).toBeGreaterThan(3);
  });
});
