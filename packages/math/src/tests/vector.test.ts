import { describe, expect, it } from 'vitest';
import { clamp, clamp01, ramp, smoothstep01 } from '../scalar';
import { DEG } from '../scalar';
import { vec3AngleBetween, vec3Cross, vec3Normalize, vec3ProjectOnPlane, vec3SignedAngle } from '../vector';

describe('vector helpers', () => {
  it('normalize reports the length, and leaves the output alone for a zero vector', () => {
    const out: [number, number, number] = [1, 2, 3];
    expect(vec3Normalize(out, [3, 0, 4])).toBe(5);
    expect(out).toEqual([0.6, 0, 0.8]);
    expect(vec3Normalize(out, [0, 0, 0])).toBe(0);
    expect(out).toEqual([0.6, 0, 0.8]);
    expect(vec3Normalize(out, [Number.NaN, 0, 0])).toBe(0);
  });

  it('cross is right-handed; projection removes the normal component', () => {
    expect(vec3Cross([0, 0, 0], [1, 0, 0], [0, 1, 0])).toEqual([0, 0, 1]);
    expect(vec3ProjectOnPlane([0, 0, 0], [1, 2, 3], [0, 1, 0])).toEqual([1, 0, 3]);
  });

  it('angles: unsigned in [0, π], signed by the axis, precise near 0 and π', () => {
    expect(vec3AngleBetween([1, 0, 0], [0, 2, 0]) / DEG).toBeCloseTo(90, 12);
    expect(vec3AngleBetween([1, 0, 0], [1, 1e-7, 0])).toBeCloseTo(1e-7, 15);
    expect(vec3AngleBetween([1, 0, 0], [-1, 1e-7, 0])).toBeCloseTo(Math.PI - 1e-7, 12);
    expect(vec3SignedAngle([1, 0, 0], [0, 1, 0], [0, 0, 1]) / DEG).toBeCloseTo(90, 12);
    expect(vec3SignedAngle([1, 0, 0], [0, 1, 0], [0, 0, -1]) / DEG).toBeCloseTo(-90, 12);
    // Components along the axis do not count.
    expect(vec3SignedAngle([1, 0, 5], [0, 1, -3], [0, 0, 1]) / DEG).toBeCloseTo(90, 12);
  });
});

describe('scalar helpers', () => {
  it('clamp, ramp and smoothstep stay in range and meet their ends', () => {
    expect(clamp(5, -1, 2)).toBe(2);
    expect(clamp01(-0.5)).toBe(0);
    expect(ramp(0.5, 0, 2)).toBe(0.25);
    expect(ramp(3, 2, 1)).toBe(0);
    expect(smoothstep01(-1)).toBe(0);
    expect(smoothstep01(0.5)).toBe(0.5);
    expect(smoothstep01(2)).toBe(1);
  });
});
