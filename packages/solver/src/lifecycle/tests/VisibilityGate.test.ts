import { describe, expect, it } from 'vitest';
import { VisibilityGate } from '../VisibilityGate';

describe('VisibilityGate', () => {
  it('does not flicker while the score hovers between the thresholds', () => {
    const gate = new VisibilityGate({ enterAbove: 0.7, exitBelow: 0.4 });
    expect(gate.update(0.8, 0)).toBe(true);
    const hovering = [0.65, 0.5, 0.69, 0.45, 0.6];
    hovering.forEach((score, i) => expect(gate.update(score, 33 * (i + 1))).toBe(true));
    expect(gate.update(0.39, 500)).toBe(false);
    hovering.forEach((score, i) => expect(gate.update(score, 533 + 33 * i)).toBe(false));
  });

  it('opens only after the score has stayed high for enterAfterMs, and a dip restarts the wait', () => {
    const gate = new VisibilityGate({ enterAbove: 0.7, exitBelow: 0.4, enterAfterMs: 500 });
    expect(gate.update(0.9, 0)).toBe(false);
    expect(gate.update(0.9, 300)).toBe(false);
    expect(gate.update(0.6, 400)).toBe(false);
    expect(gate.update(0.9, 450)).toBe(false);
    expect(gate.update(0.9, 900)).toBe(false);
    expect(gate.update(0.9, 950)).toBe(true);
  });

  it('treats NaN as unseen and rejects thresholds in the wrong order', () => {
    const gate = new VisibilityGate({ enterAbove: 0.5, exitBelow: 0.5 });
    gate.update(1, 0);
    expect(gate.update(Number.NaN, 1)).toBe(false);
    expect(() => new VisibilityGate({ enterAbove: 0.3, exitBelow: 0.5 })).toThrow(/exitBelow ≤ enterAbove/);
  });
});
