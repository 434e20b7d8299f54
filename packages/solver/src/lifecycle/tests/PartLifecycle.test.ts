import { quatAngleBetween, quatFromAxisAngle, quatSlerpFlat } from '@rigcast/math';
import { describe, expect, it } from 'vitest';
import { PartLifecycle, type PartStateBlend } from '../PartLifecycle';
import { TrackingState } from '../TrackingState';

const DEG = Math.PI / 180;
const FRAME_MS = 1000 / 30;
/** A part state: one rotation (0–3), one weight (4), a confidence (5). */
const CONFIDENCE = 5;
const blend: PartStateBlend = (out, a, b, t) => {
  quatSlerpFlat(out, 0, a, 0, b, 0, t);
  for (let i = 4; i < out.length; i++) out[i] = a[i] + (b[i] - a[i]) * t;
};
const rest = [0, 0, 0, 1, 0, 0];
const timing = { holdMs: 300, easeToRestMs: 700, returnBlendMs: 250 };

function livePose(life: PartLifecycle, angleDeg: number, weight: number): void {
  quatFromAxisAngle(life.live, [0, 0, 1], angleDeg * DEG);
  life.live[4] = weight;
  life.live[CONFIDENCE] = 1;
}

const angleOf = (s: Float64Array): number => quatAngleBetween(s, rest) / DEG;

describe('PartLifecycle', () => {
  it('shows the rest pose until the part is first seen, then follows it at once', () => {
    const life = new PartLifecycle({ ...timing, rest, blend, confidenceIndex: CONFIDENCE });
    expect(Array.from(life.missed(0))).toEqual(rest);
    expect(life.state).toBe(TrackingState.Lost);
    livePose(life, 40, 0.8);
    life.tracked(FRAME_MS);
    expect(life.state).toBe(TrackingState.Tracking);
    expect(angleOf(life.output)).toBeCloseTo(40, 9);
    expect(life.output[4]).toBe(0.8);
  });

  it('holds, eases to rest in the documented times, and lowers confidence on the way', () => {
    const life = new PartLifecycle({ ...timing, rest, blend, confidenceIndex: CONFIDENCE });
    livePose(life, 60, 1);
    life.tracked(0);
    life.missed(timing.holdMs);
    expect(life.state).toBe(TrackingState.Holding);
    expect(angleOf(life.output)).toBeCloseTo(60, 9);
    expect(life.output[CONFIDENCE]).toBe(0.5);
    life.missed(timing.holdMs + timing.easeToRestMs / 2);
    expect(life.state).toBe(TrackingState.Lost);
    expect(angleOf(life.output)).toBeCloseTo(30, 6);
    expect(life.output[CONFIDENCE]).toBeCloseTo(0.25, 9);
    life.missed(timing.holdMs + timing.easeToRestMs);
    expect(angleOf(life.output)).toBeCloseTo(0, 9);
    expect(life.output[CONFIDENCE]).toBe(0);
  });

  it('comes back without a snap: no step above what the return blend allows, and the live pose after it', () => {
    const life = new PartLifecycle({ ...timing, rest, blend });
    livePose(life, 0, 0);
    life.tracked(0);
    let t = 0;
    for (; t < 2000; t += FRAME_MS) life.missed(t);
    expect(life.resumingAfterLoss(t)).toBe(true);
    let previous = angleOf(life.output);
    let biggestStep = 0;
    for (let end = t + 400; t <= end; t += FRAME_MS) {
      livePose(life, 90, 1);
      life.tracked(t);
      biggestStep = Math.max(biggestStep, Math.abs(angleOf(life.output) - previous));
      previous = angleOf(life.output);
    }
    // 90° over 250 ms of smoothstep: the steepest 33 ms step is 1.5 × 90 × 33/250 ≈ 18°.
    expect(biggestStep).toBeLessThan(20);
    expect(previous).toBeCloseTo(90, 9);
    expect(life.resumingAfterLoss(t)).toBe(false);
  });

  it('a short dropout within the hold time is not a loss: no filter restart, and a blend from the held pose', () => {
    const life = new PartLifecycle({ ...timing, rest, blend });
    livePose(life, 20, 0);
    life.tracked(0);
    life.missed(100);
    expect(life.resumingAfterLoss(200)).toBe(false);
    livePose(life, 80, 0);
    life.tracked(200);
    expect(angleOf(life.output)).toBeCloseTo(20, 6);
  });

  it('glides to a changed live pose on request, from now or from the next detection', () => {
    const life = new PartLifecycle({ ...timing, rest, blend });
    livePose(life, 0, 0);
    life.tracked(0);
    life.glide(FRAME_MS);
    livePose(life, 50, 0);
    life.tracked(FRAME_MS);
    expect(angleOf(life.output)).toBeCloseTo(0, 9);
    life.tracked(FRAME_MS + timing.returnBlendMs / 2);
    expect(angleOf(life.output)).toBeCloseTo(25, 6);
    life.tracked(FRAME_MS + timing.returnBlendMs);
    expect(angleOf(life.output)).toBeCloseTo(50, 9);

    life.glideOnNextTrack();
    livePose(life, 10, 0);
    life.tracked(1000);
    expect(angleOf(life.output)).toBeCloseTo(50, 6);
    life.tracked(1000 + timing.returnBlendMs);
    expect(angleOf(life.output)).toBeCloseTo(10, 9);
  });

  it('keeps its state per instance: two parts never see each other’s poses', () => {
    const a = new PartLifecycle({ ...timing, rest, blend });
    const b = new PartLifecycle({ ...timing, rest, blend });
    livePose(a, 30, 0.3);
    a.tracked(0);
    livePose(b, 70, 0.7);
    b.tracked(0);
    a.missed(500);
    expect(angleOf(a.output)).toBeLessThan(30);
    expect(angleOf(b.output)).toBeCloseTo(70, 9);
    expect(b.state).toBe(TrackingState.Tracking);
  });

  it('refuses nonsense timings, and reset returns to rest', () => {
    expect(() => new PartLifecycle({ ...timing, holdMs: -1, rest, blend })).toThrow(/≥ 0 ms/);
    const life = new PartLifecycle({ ...timing, rest, blend });
    livePose(life, 30, 1);
    life.tracked(0);
    life.reset();
    expect(life.everTracked).toBe(false);
    expect(Array.from(life.output)).toEqual(rest);
  });
});
