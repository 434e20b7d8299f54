import { describe, expect, it } from 'vitest';
import { EyeBlinkRemapper } from '../EyeBlinkRemapper';

const FRAME_MS = 1000 / 30;

describe('EyeBlinkRemapper', () => {
  it('reads MediaPipe-like open scores as 0 and closed scores as 1 out of the box', () => {
    const r = new EyeBlinkRemapper();
    expect(r.closureOf(0.05)).toBe(0);
    expect(r.closureOf(0.25)).toBe(0);
    expect(r.closureOf(0.7)).toBe(1);
    const mid = r.closureOf(0.5);
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(1);
  });

  it('is monotonic in the raw score', () => {
    const r = new EyeBlinkRemapper();
    let previous = -1;
    for (let raw = 0; raw <= 1; raw += 0.01) {
      const c = r.closureOf(raw);
      expect(c).toBeGreaterThanOrEqual(previous);
      previous = c;
    }
  });

  it('learns a high resting score as open, so a person whose eye reads 0.3 at rest is not half-blinking', () => {
    const r = new EyeBlinkRemapper();
    expect(r.closureOf(0.5)).toBeGreaterThan(0.3);
    for (let i = 0; i < 300; i++) r.update(0.3, i * FRAME_MS);
    expect(r.openLevel).toBeGreaterThan(0.27);
    expect(r.closureOf(0.5)).toBe(0);
    // A real blink from there still closes fully.
    expect(r.closureOf(0.85)).toBe(1);
  });

  it('learns a higher closed level from a deep blink, and calibrates the open level at once', () => {
    const r = new EyeBlinkRemapper();
    r.update(0.9, 0);
    expect(r.closedLevel).toBeCloseTo(0.9, 12);
    r.calibrateOpen(0.2);
    expect(r.openLevel).toBe(0.2);
    expect(r.closureOf(0.2)).toBe(0);
    r.reset();
    expect(r.openLevel).toBe(r.params.defaultOpen);
    expect(r.closure).toBe(0);
  });
});
