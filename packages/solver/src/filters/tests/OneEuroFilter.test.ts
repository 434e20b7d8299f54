import { describe, expect, it } from 'vitest';
import { OneEuroFilter } from '../OneEuroFilter';
import { lowPassAlpha, scaleOneEuroParams } from '../OneEuroParams';
import { OneEuroVectorFilter } from '../OneEuroVectorFilter';
import { frameTime, gaussian, std } from './noise';

const params = { minCutoff: 1, beta: 2, derivativeCutoff: 1 };

describe('OneEuroFilter', () => {
  it('passes the first sample through', () => {
    expect(new OneEuroFilter(params).filter(3.5, 0)).toBe(3.5);
  });

  it('converges on a step without overshoot', () => {
    const f = new OneEuroFilter(params);
    for (let i = 0; i < 10; i++) f.filter(0, frameTime(i));
    const out: number[] = [];
    for (let i = 10; i < 70; i++) out.push(f.filter(1, frameTime(i)));
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
    for (let i = 1; i < out.length; i++) expect(out[i]).toBeGreaterThanOrEqual(out[i - 1]);
    expect(out[0]).toBeGreaterThan(0.2); // fast motion raises the cutoff at once
    expect(out[14]).toBeGreaterThan(0.95); // within half a second
    expect(out[out.length - 1]).toBeGreaterThan(0.999);
  });

  it('cuts white noise at rest by more than 3×', () => {
    const f = new OneEuroFilter(params);
    const noise = gaussian(1);
    const raw: number[] = [];
    const out: number[] = [];
    for (let i = 0; i < 300; i++) {
      const x = 0.01 * noise();
      raw.push(x);
      out.push(f.filter(x, frameTime(i)));
    }
    expect(std(raw.slice(30)) / std(out.slice(30))).toBeGreaterThan(3);
  });

  it('follows a fast ramp with less than one frame of lag', () => {
    const f = new OneEuroFilter({ minCutoff: 1, beta: 20, derivativeCutoff: 2 });
    const speed = 1; // units per second
    let last = 0;
    for (let i = 0; i < 60; i++) last = f.filter(speed * (frameTime(i) / 1000), frameTime(i));
    const lagFrames = (speed * frameTime(59) / 1000 - last) / (speed / 30);
    expect(lagFrames).toBeGreaterThan(0);
    expect(lagFrames).toBeLessThan(1);
  });

  it('is a pass-through when disabled, and restarts cleanly after prime()', () => {
    const f = new OneEuroFilter(params);
    f.enabled = false;
    f.filter(0, 0);
    expect(f.filter(5, 33)).toBe(5);
    f.enabled = true;
    f.prime(2, 100);
    expect(f.filter(2, 133)).toBe(2);
  });

  it('treats a repeated timestamp as a 1 ms step instead of dividing by zero', () => {
    const f = new OneEuroFilter(params);
    f.filter(0, 10);
    const v = f.filter(1, 10);
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThanOrEqual(1);
  });
});

describe('lowPassAlpha and scaleOneEuroParams', () => {
  it('gives α = 1/(1 + τ/dt)', () => {
    expect(lowPassAlpha(1 / (2 * Math.PI), 1)).toBeCloseTo(0.5, 12);
  });

  it('keeps the base at 0.5, smooths 4× at 1 and opens up toward 0', () => {
    const out = { minCutoff: 0, beta: 0, derivativeCutoff: 0 };
    expect(scaleOneEuroParams(out, params, 0.5)).toEqual({ ...params, speedFloor: 0 });
    expect(scaleOneEuroParams(out, params, 1)).toEqual({ minCutoff: 0.25, beta: 0.5, derivativeCutoff: 1, speedFloor: 0 });
    expect(scaleOneEuroParams(out, params, 0.05).minCutoff).toBeCloseTo(100, 9);
    expect(scaleOneEuroParams(out, params, 0)).toEqual({ minCutoff: Number.POSITIVE_INFINITY, beta: 0, derivativeCutoff: 1, speedFloor: 0 });
  });

  it('makes smoothing 0 an exact pass-through', () => {
    const out = { minCutoff: 0, beta: 0, derivativeCutoff: 0 };
    const f = new OneEuroFilter(scaleOneEuroParams(out, params, 0));
    f.filter(0, 0);
    expect(f.filter(0.123, 33)).toBe(0.123);
  });
});

describe('OneEuroVectorFilter', () => {
  it('steps all components together without overshoot and writes into the target', () => {
    const f = new OneEuroVectorFilter(3, params);
    const out = [0, 0, 0];
    f.filter([0, 0, 0], 0, out);
    let previous = 0;
    for (let i = 1; i < 60; i++) {
      expect(f.filter([1, -2, 0.5], frameTime(i), out)).toBe(out);
      expect(out[0]).toBeGreaterThanOrEqual(previous);
      expect(out[0]).toBeLessThanOrEqual(1);
      // One shared cutoff: the components stay proportional.
      expect(out[1]).toBeCloseTo(-2 * out[0], 12);
      expect(out[2]).toBeCloseTo(0.5 * out[0], 12);
      previous = out[0];
    }
    expect(out[0]).toBeGreaterThan(0.999);
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => new OneEuroVectorFilter(0, params)).toThrow(/positive integer/);
  });
});
