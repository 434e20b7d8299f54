import { describe, expect, it } from 'vitest';
import { mulberry32, randomQuat } from '../../codec/tests/randomFrames';
import type { Quat } from '../RigFrame';
import { NECK_SHARE, splitHeadRotation } from '../splitHeadRotation';

function multiply(a: ArrayLike<number>, b: ArrayLike<number>): Quat {
  const [ax, ay, az, aw] = [a[0], a[1], a[2], a[3]];
  const [bx, by, bz, bw] = [b[0], b[1], b[2], b[3]];
  return [
    aw * bx + ax * bw + ay * bz - az * by,
    aw * by - ax * bz + ay * bw + az * bx,
    aw * bz + ax * by - ay * bx + az * bw,
    aw * bw - ax * bx - ay * by - az * bz,
  ];
}

/** Rotation angle in radians, in [0, π]. */
function angle(q: ArrayLike<number>): number {
  return 2 * Math.atan2(Math.hypot(q[0], q[1], q[2]), Math.abs(q[3]));
}

describe('splitHeadRotation', () => {
  it('gives the neck NECK_SHARE of the angle, the head the rest, and neck · head is the head rotation', () => {
    const random = mulberry32(7);
    const pair = new Float64Array(8);
    for (let i = 0; i < 200; i++) {
      const head = randomQuat(random);
      splitHeadRotation(head, pair, 0, 4);
      const neck = pair.subarray(0, 4);
      const composed = multiply(neck, pair.subarray(4, 8));
      const difference = multiply([-head[0], -head[1], -head[2], head[3]], composed);
      expect(angle(difference)).toBeLessThan(1e-7);
      expect(angle(neck)).toBeCloseTo(angle(head) * NECK_SHARE, 9);
    }
  });

  it('takes the shorter arc for q and −q alike, and gives identity for identity', () => {
    const s = Math.sin(0.5);
    const q: Quat = [0.6 * s, 0.8 * s, 0, Math.cos(0.5)];
    const a = new Float64Array(8);
    const b = new Float64Array(8);
    splitHeadRotation(q, a, 0, 4);
    splitHeadRotation(q.map((v) => -v), b, 0, 4);
    for (let i = 0; i < 8; i++) expect(b[i]).toBeCloseTo(a[i], 12);
    expect(a[3]).toBeCloseTo(Math.cos(0.5 * NECK_SHARE), 12);
    splitHeadRotation([0, 0, 0, 1], a, 0, 4);
    expect([...a]).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
  });
});
