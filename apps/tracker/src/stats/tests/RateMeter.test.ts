import { describe, expect, it } from 'vitest';
import { RateMeter } from '../RateMeter';
import { SmoothedValue } from '../SmoothedValue';

describe('RateMeter', () => {
  it('measures a steady 30 Hz', () => {
    const meter = new RateMeter(1000);
    for (let i = 0; i <= 90; i++) meter.tick((i * 1000) / 30);
    expect(meter.rate(3000)).toBeCloseTo(30, 1);
    // Between events it reads a little low, never high.
    expect(meter.rate(3020)).toBeGreaterThan(29);
    expect(meter.rate(3020)).toBeLessThan(30);
  });

  it('reads a fresh stream right before a whole window has passed', () => {
    const meter = new RateMeter(2000);
    for (let t = 0; t <= 500; t += 50) meter.tick(t);
    expect(meter.rate(500)).toBeGreaterThan(18);
    expect(meter.rate(500)).toBeLessThan(24);
  });

  it('falls to 0 when events stop', () => {
    const meter = new RateMeter(1000);
    for (let t = 0; t <= 1000; t += 10) meter.tick(t);
    expect(meter.rate(1000)).toBeGreaterThan(90);
    expect(meter.rate(2500)).toBe(0);
  });
});

describe('SmoothedValue', () => {
  it('starts at the first sample and moves toward new ones', () => {
    const value = new SmoothedValue(0.5);
    expect(value.value).toBeNaN();
    expect(value.add(10)).toBe(10);
    expect(value.add(20)).toBe(15);
  });
});
