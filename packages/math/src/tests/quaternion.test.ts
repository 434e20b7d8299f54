import { describe, expect, it } from 'vitest';
import '../testing';
import {
  quatAngle,
  quatAngleBetween,
  quatConjugate,
  quatFromAxisAngle,
  quatFromBasis,
  quatFromHeadAngles,
  quatFromRotationMatrix,
  quatFromRotationVector,
  quatFromUnitVectors,
  quatFromVectorPairs,
  quatInverseMultiply,
  quatMultiply,
  quatRotateVec3,
  quatSlerp,
  quatSlerpFlat,
  quatSwingTwist,
  quatToHeadAngles,
  quatTwistAngle,
} from '../quaternion';
import { randomUnitQuaternion, seededRandom } from '../random';
import { DEG } from '../scalar';
import { vec3Normalize } from '../vector';

type Q = [number, number, number, number];
type V = [number, number, number];
const q = (): Q => [0, 0, 0, 1];
const v = (): V => [0, 0, 0];

function randomUnitVector(random: () => number): V {
  const out = v();
  do {
    out[0] = random() * 2 - 1; out[1] = random() * 2 - 1; out[2] = random() * 2 - 1;
  } while (vec3Normalize(out, out) < 0.1);
  return out;
}

describe('head angles', () => {
  it('round-trip yaw, then pitch, then roll', () => {
    const a = { yaw: 0, pitch: 0, roll: 0 };
    for (const [yaw, pitch, roll] of [[10, 20, 30], [-40, 15, -35], [0, -60, 5], [80, 0, 0]]) {
      quatToHeadAngles(a, quatFromHeadAngles(q(), yaw * DEG, pitch * DEG, roll * DEG));
      expect(a.yaw / DEG).toBeCloseTo(yaw, 9);
      expect(a.pitch / DEG).toBeCloseTo(pitch, 9);
      expect(a.roll / DEG).toBeCloseTo(roll, 9);
    }
  });

  it('follow the RigFrame conventions: roll > 0 moves the top of the head toward −X, yaw > 0 turns the face toward +X', () => {
    const top = quatRotateVec3(v(), quatFromHeadAngles(q(), 0, 0, 30 * DEG), [0, 1, 0]);
    expect(top[0]).toBeCloseTo(-0.5, 9);
    const face = quatRotateVec3(v(), quatFromHeadAngles(q(), 30 * DEG, 0, 0), [0, 0, 1]);
    expect(face[0]).toBeCloseTo(0.5, 9);
  });
});

describe('rotation basics', () => {
  const random = seededRandom(5);

  it('composes right to left, and a⁻¹·b undoes a', () => {
    for (let i = 0; i < 200; i++) {
      const a = randomUnitQuaternion(random), b = randomUnitQuaternion(random);
      const p = randomUnitVector(random);
      const ab = quatMultiply(q(), a, b);
      const viaProduct = quatRotateVec3(v(), ab, p);
      const stepwise = quatRotateVec3(v(), a, quatRotateVec3(v(), b, p));
      for (let k = 0; k < 3; k++) expect(viaProduct[k]).toBeCloseTo(stepwise[k], 12);
      expect(quatInverseMultiply(q(), a, ab)).toBeCloseToQuaternion(b, 1e-6);
      expect(quatMultiply(q(), quatConjugate(q(), a), ab)).toBeCloseToQuaternion(b, 1e-6);
    }
  });

  it('measures angles precisely, also near zero, and treats q and −q as one rotation', () => {
    const axis: V = [0, 0.6, 0.8];
    for (const deg of [1e-4, 0.01, 1, 45, 179.9]) {
      const r = quatFromAxisAngle(q(), axis, deg * DEG);
      expect(quatAngle(r) / DEG).toBeCloseTo(deg, 8);
      expect(quatAngleBetween(q(), r) / DEG).toBeCloseTo(deg, 8);
      const negated: Q = [-r[0], -r[1], -r[2], -r[3]];
      expect(quatAngleBetween(r, negated)).toBe(0);
    }
  });

  it('slerps along the shorter arc at constant speed, flat arrays and tuples alike', () => {
    const a = quatFromAxisAngle(q(), [1, 0, 0], 10 * DEG);
    const b = quatFromAxisAngle(q(), [1, 0, 0], 70 * DEG);
    const negatedB: Q = [-b[0], -b[1], -b[2], -b[3]];
    for (const t of [0, 0.25, 0.5, 1]) {
      const expected = quatFromAxisAngle(q(), [1, 0, 0], (10 + 60 * t) * DEG);
      expect(quatSlerp(q(), a, negatedB, t)).toBeCloseToQuaternion(expected, 1e-9);
      const flat = new Float64Array(12);
      flat.set(a, 0);
      flat.set(b, 4);
      quatSlerpFlat(flat, 8, flat, 0, flat, 4, t);
      expect(flat.subarray(8, 12)).toBeCloseToQuaternion(expected, 1e-9);
    }
  });
});

describe('rotation between vectors', () => {
  const random = seededRandom(11);

  it('takes `from` to `to` by the shortest arc', () => {
    for (let i = 0; i < 500; i++) {
      const from = randomUnitVector(random), to = randomUnitVector(random);
      const r = quatFromUnitVectors(q(), from, to);
      const moved = quatRotateVec3(v(), r, from);
      for (let k = 0; k < 3; k++) expect(moved[k]).toBeCloseTo(to[k], 9);
      // Shortest: no twist about `from` beyond what the swing needs, i.e. the angle equals the vectors' angle.
      const cos = from[0] * to[0] + from[1] * to[1] + from[2] * to[2];
      expect(quatAngle(r)).toBeCloseTo(Math.acos(Math.max(-1, Math.min(1, cos))), 6);
    }
  });

  it('turns opposite vectors by π without NaN', () => {
    for (const from of [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0.6, 0, -0.8]] as V[]) {
      const to: V = [-from[0], -from[1], -from[2]];
      const r = quatFromUnitVectors(q(), from, to);
      expect(r.every(Number.isFinite)).toBe(true);
      const moved = quatRotateVec3(v(), r, from);
      for (let k = 0; k < 3; k++) expect(moved[k]).toBeCloseTo(to[k], 9);
    }
  });
});

describe('rotation from a basis or a matrix', () => {
  it('gives the rotation whose columns are the basis', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) {
      const r = randomUnitQuaternion(random);
      const x = quatRotateVec3(v(), r, [1, 0, 0]);
      const y = quatRotateVec3(v(), r, [0, 1, 0]);
      const z = quatRotateVec3(v(), r, [0, 0, 1]);
      expect(quatFromBasis(q(), x, y, z)).toBeCloseToQuaternion(r, 1e-6);
      const rowMajor = [x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]];
      expect(quatFromRotationMatrix(q(), rowMajor)).toBeCloseToQuaternion(r, 1e-6);
    }
  });
});

describe('swing–twist', () => {
  const random = seededRandom(17);

  it('recomposes q = swing · twist, with the twist about the axis and a swing that has none', () => {
    for (let i = 0; i < 500; i++) {
      const r = randomUnitQuaternion(random);
      const axis = randomUnitVector(random);
      const swing = q(), twist = q();
      quatSwingTwist(swing, twist, r, axis);
      expect(quatMultiply(q(), swing, twist)).toBeCloseToQuaternion(r, 1e-6);
      // The twist's rotation axis is `axis` (or it is identity).
      const s = Math.hypot(twist[0], twist[1], twist[2]);
      if (s > 1e-9) {
        const along = (twist[0] * axis[0] + twist[1] * axis[1] + twist[2] * axis[2]) / s;
        expect(Math.abs(along)).toBeCloseTo(1, 9);
      }
      // The swing turns nothing about the axis: its own twist is identity.
      expect(Math.abs(quatTwistAngle(swing, axis))).toBeLessThan(1e-9);
    }
  });

  it('reads a known twist angle back with its sign', () => {
    const axis: V = [0, 1, 0];
    for (const twistDeg of [-170, -30, 0, 25, 120]) {
      const swing = quatFromAxisAngle(q(), [1, 0, 0], 40 * DEG);
      const twist = quatFromAxisAngle(q(), axis, twistDeg * DEG);
      const r = quatMultiply(q(), swing, twist);
      expect(quatTwistAngle(r, axis) / DEG).toBeCloseTo(twistDeg, 9);
      const s = q(), t = q();
      quatSwingTwist(s, t, r, axis);
      expect(s).toBeCloseToQuaternion(swing, 1e-6);
      expect(t).toBeCloseToQuaternion(twist, 1e-6);
    }
  });
});

describe('toBeCloseToQuaternion', () => {
  it('accepts the negated quaternion and rejects a rotation 1° away, with the angle in the message', () => {
    const r = quatFromAxisAngle(q(), [0, 0, 1], 30 * DEG);
    expect([-r[0], -r[1], -r[2], -r[3]]).toBeCloseToQuaternion(r);
    const off = quatFromAxisAngle(q(), [0, 0, 1], 31 * DEG);
    expect(off).not.toBeCloseToQuaternion(r, 0.5);
    expect(() => expect(off).toBeCloseToQuaternion(r, 0.5)).toThrow(/1\.0000° away/);
    expect(() => expect([0, 0, 0, 2]).toBeCloseToQuaternion(r)).toThrow(/unit quaternion/);
    expect(() => expect([0, Number.NaN, 0, 1]).toBeCloseToQuaternion(r)).toThrow(/four finite numbers/);
  });
});

describe('rotation vector', () => {
  it('turns about the vector by its length, also for tiny vectors', () => {
    const out = q();
    const axis: V = [0, 0.6, 0.8];
    expect(quatFromRotationVector(out, [0, 0.6 * 1.2, 0.8 * 1.2])).toBeCloseToQuaternion(quatFromAxisAngle(q(), axis, 1.2), 1e-9);
    expect(quatFromRotationVector(out, [1e-7, 0, 0])).toBeCloseToQuaternion(quatFromAxisAngle(q(), [1, 0, 0], 1e-7), 1e-9);
    expect(quatFromRotationVector(out, [0, 0, 0])).toEqual([0, 0, 0, 1]);
  });
});

describe('rotation from two vector pairs', () => {
  it('recovers a random rotation from two exact pairs, whatever the weights', () => {
    const random = seededRandom(11);
    for (let k = 0; k < 200; k++) {
      const truth = randomUnitQuaternion(random);
      const a1 = randomUnitVector(random);
      const a2 = randomUnitVector(random);
      const b1 = quatRotateVec3(v(), truth, a1);
      const b2 = quatRotateVec3(v(), truth, a2);
      expect(quatFromVectorPairs(q(), a1, b1, a2, b2, 1 + random() * 10, 1 + random() * 10)).toBeCloseToQuaternion(truth, 1e-6);
    }
  });

  it('splits a disagreement by the weights: the heavier pair lands closer', () => {
    // a1 = X, a2 = Y (90° apart); observed b1 = X, b2 tilted 10° from Y toward −X (100° apart).
    const b2: V = [-Math.sin(10 * DEG), Math.cos(10 * DEG), 0];
    const miss = (w1: number, w2: number) => {
      const r = quatFromVectorPairs(q(), [1, 0, 0], [1, 0, 0], [0, 1, 0], b2, w1, w2);
      const x = quatRotateVec3(v(), r, [1, 0, 0]);
      const y = quatRotateVec3(v(), r, [0, 1, 0]);
      return { first: Math.acos(Math.min(1, x[0])) / DEG, second: Math.acos(Math.min(1, y[0] * b2[0] + y[1] * b2[1])) / DEG };
    };
    const equal = miss(1, 1);
    expect(equal.first).toBeCloseTo(5, 6);
    expect(equal.second).toBeCloseTo(5, 6);
    const heavyFirst = miss(4, 1);
    // The weighted balance: tan(first) = w2·sin 10° / (w1 + w2·cos 10°), ≈ 1 : 4 of the 10°.
    const first = Math.atan2(Math.sin(10 * DEG), 4 + Math.cos(10 * DEG)) / DEG;
    expect(heavyFirst.first).toBeCloseTo(first, 6);
    expect(heavyFirst.second).toBeCloseTo(10 - first, 6);
    expect(heavyFirst.first).toBeLessThan(2.01);
  });

  it('falls back to the rotation between the first pair when a pair is parallel', () => {
    const r = quatFromVectorPairs(q(), [1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 1, 0]);
    expect(r).toBeCloseToQuaternion(quatFromUnitVectors(q(), [1, 0, 0], [0, 1, 0]), 1e-9);
  });
});
