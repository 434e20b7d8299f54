import { describe, expect, it } from 'vitest';
import '../testing';
import { quatFitRotation } from '../fitRotation';
import { quatAngleBetween, quatFromRotationVector, quatIdentity, quatRotateVec3, quatToRotationVector } from '../quaternion';
import { randomUnitQuaternion, seededRandom } from '../random';
import { DEG } from '../scalar';

type Q = [number, number, number, number];

/** `count` random points in a 10 cm cube, centred. */
function centredPoints(random: () => number, count: number): Float64Array {
  const points = new Float64Array(count * 3);
  for (let i = 0; i < points.length; i++) points[i] = (random() - 0.5) * 0.1;
  for (let axis = 0; axis < 3; axis++) {
    let mean = 0;
    for (let i = 0; i < count; i++) mean += points[i * 3 + axis] / count;
    for (let i = 0; i < count; i++) points[i * 3 + axis] -= mean;
  }
  return points;
}

function rotated(q: Q, points: Float64Array): Float64Array {
  const out = new Float64Array(points.length);
  const p: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < points.length / 3; i++) {
    quatRotateVec3(p, q, points.subarray(i * 3, i * 3 + 3));
    out.set(p, i * 3);
  }
  return out;
}

describe('quatFitRotation', () => {
  const random = seededRandom(11);

  it('recovers any rotation of an exact point set from identity, including turns near 180°', () => {
    for (let k = 0; k < 200; k++) {
      const truth = randomUnitQuaternion(random);
      const from = centredPoints(random, 6);
      const fit = quatIdentity<Q>([0, 0, 0, 0]);
      quatFitRotation(fit, from, rotated(truth, from), 6, 200);
      expect(fit).toBeCloseToQuaternion(truth, 1e-6);
    }
  });

  it('converges in a few iterations from a nearby warm start', () => {
    const truth = randomUnitQuaternion(random);
    const from = centredPoints(random, 6);
    const [x, y, z] = quatToRotationVector([0, 0, 0], truth).map((v) => v + 0.05 * DEG);
    const fit = quatFromRotationVector<Q>([0, 0, 0, 1], [x, y, z]);
    const iterations = quatFitRotation(fit, from, rotated(truth, from), 6);
    expect(fit).toBeCloseToQuaternion(truth, 1e-6);
    expect(iterations).toBeLessThanOrEqual(8);
  });

  it('gives the least-squares rotation on noisy points: errors shrink with more points', () => {
    const meanError = (count: number): number => {
      let sum = 0;
      for (let k = 0; k < 100; k++) {
        const truth = randomUnitQuaternion(random);
        const from = centredPoints(random, count);
        const to = rotated(truth, from).map((v) => v + (random() - 0.5) * 0.006);
        const fit = quatIdentity<Q>([0, 0, 0, 0]);
        quatFitRotation(fit, from, to, count, 200);
        sum += quatAngleBetween(fit, truth) / DEG / 100;
      }
      return sum;
    };
    const few = meanError(4);
    const many = meanError(64);
    expect(few).toBeLessThan(6);
    expect(many).toBeLessThan(few / 2.5);
  });
});

describe('quatToRotationVector', () => {
  const random = seededRandom(3);

  it('inverts quatFromRotationVector, from tiny angles to almost π', () => {
    for (const angle of [1e-9, 1e-5, 0.3, 2, Math.PI - 1e-6]) {
      const axis = quatRotateVec3([0, 0, 0], randomUnitQuaternion(random), [1, 0, 0]);
      const q = quatFromRotationVector<Q>([0, 0, 0, 1], [axis[0] * angle, axis[1] * angle, axis[2] * angle]);
      expect(Math.hypot(q[0], q[1], q[2], q[3])).toBeCloseTo(1, 12);
      const back = quatToRotationVector([0, 0, 0], q);
      back.forEach((v, i) => expect(v).toBeCloseTo(axis[i] * angle, 9));
    }
  });

  it('reads q and −q as the same rotation', () => {
    const q = randomUnitQuaternion(random);
    const a = quatToRotationVector([0, 0, 0], q);
    const b = quatToRotationVector([0, 0, 0], q.map((v) => -v));
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
  });
});
