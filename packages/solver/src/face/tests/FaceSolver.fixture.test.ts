import { describe, expect, it } from 'vitest';
import { loadFaceFixture } from '../../fixture/loadFaceFixture';
import { frameRange, replayFixture } from './replayFixture';

// Known answers for ../shared/media/face/selfie.mp4 (DATA.md), replayed from the recorded
// FaceLandmarker fixture. The user clicks Calibrate while looking at the camera, at frame 16
// (inside the near-frontal stretch 12–24).
const CALIBRATE_AFTER = 16;
const BLINKS: [number, number][] = [[0, 2], [30, 35], [56, 62], [92, 96], [120, 123], [162, 166], [244, 249], [280, 283]];
const WINKS: [number, number][] = [[204, 225], [236, 242], [252, 263]];
const ROLL_LEFT = frameRange(66, 100); // toward the subject's left shoulder
const ROLL_RIGHT = frameRange(140, 170);
const FRONTAL = [...frameRange(12, 24), ...frameRange(270, 324)];
const OPEN_MARGIN = 2;

const fixture = loadFaceFixture();
const mirrored = replayFixture(fixture, { mirror: true }, CALIBRATE_AFTER);
const direct = replayFixture(fixture, { mirror: false }, CALIBRATE_AFTER);

/** Frames outside every blink and wink window by more than the margin. */
const openFrames = frameRange(0, fixture.frames.length - 1).filter((f) =>
  [...BLINKS, ...WINKS].every(([a, b]) => f < a - OPEN_MARGIN || f > b + OPEN_MARGIN),
);

describe('FaceSolver on the selfie fixture (mirror on)', () => {
  it('has every frame of the video with a face', () => {
    expect(fixture.frames.length).toBe(325);
    expect(fixture.frames.every((f) => f.result.faceLandmarks.length === 1)).toBe(true);
  });

  it('rolls POSITIVE by ≥ 25° while the subject leans to their left shoulder (66–100)', () => {
    for (const f of ROLL_LEFT) expect(mirrored.roll[f], `frame ${f}`).toBeGreaterThanOrEqual(25);
  });

  it('rolls NEGATIVE by ≥ 25° while the subject leans to their right shoulder (140–170)', () => {
    for (const f of ROLL_RIGHT) expect(mirrored.roll[f], `frame ${f}`).toBeLessThanOrEqual(-25);
  });

  it('matches the 2D eye-line angle within 4° on both roll segments', () => {
    // Roll is relative to the calibrated neutral, so compare with the eye line's change from it.
    const neutralEyeLine = mirrored.eyeLine[CALIBRATE_AFTER];
    for (const f of [...ROLL_LEFT, ...ROLL_RIGHT]) {
      expect(Math.abs(mirrored.roll[f] - (mirrored.eyeLine[f] - neutralEyeLine)), `frame ${f}`).toBeLessThanOrEqual(4);
      // And against the absolute eye line too (the neutral was within 2° of level).
      expect(Math.abs(mirrored.roll[f] - mirrored.eyeLine[f]), `frame ${f}`).toBeLessThanOrEqual(4);
    }
  });

  it('keeps |roll| < 5° on near-frontal frames after calibration', () => {
    for (const f of FRONTAL.filter((f) => f > CALIBRATE_AFTER)) expect(Math.abs(mirrored.roll[f]), `frame ${f}`).toBeLessThan(5);
  });

  it('peaks at ≥ 0.8 on both eyes in every listed blink', () => {
    for (const [a, b] of BLINKS) {
      const frames = frameRange(a, b);
      expect(Math.max(...frames.map((f) => mirrored.blinkLeft[f])), `blink ${a}–${b} left`).toBeGreaterThanOrEqual(0.8);
      expect(Math.max(...frames.map((f) => mirrored.blinkRight[f])), `blink ${a}–${b} right`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it("closes the avatar's RIGHT eye (≥ 0.7) and keeps its left open (≤ 0.35) in the wink 206–222 on ≥ 90% of frames", () => {
    const frames = frameRange(206, 222);
    const good = frames.filter((f) => mirrored.blinkRight[f] >= 0.7 && mirrored.blinkLeft[f] <= 0.35);
    expect(good.length / frames.length).toBeGreaterThanOrEqual(0.9);
  });

  it("closes the avatar's LEFT eye (≥ 0.6, and ≥ 0.3 above its right) in 254–262", () => {
    for (const f of frameRange(254, 262)) {
      expect(mirrored.blinkLeft[f], `frame ${f}`).toBeGreaterThanOrEqual(0.6);
      expect(mirrored.blinkLeft[f] - mirrored.blinkRight[f], `frame ${f}`).toBeGreaterThanOrEqual(0.3);
    }
  });

  it('keeps both eyes ≤ 0.2 on open-eye frames', () => {
    expect(openFrames.length).toBeGreaterThan(150);
    for (const f of openFrames) {
      expect(mirrored.blinkLeft[f], `frame ${f} left`).toBeLessThanOrEqual(0.2);
      expect(mirrored.blinkRight[f], `frame ${f} right`).toBeLessThanOrEqual(0.2);
    }
  });
});

describe('FaceSolver on the selfie fixture (mirror off)', () => {
  it('swaps the wink sides: the subject\'s left eye now closes the avatar\'s LEFT eye', () => {
    const frames = frameRange(206, 222);
    const good = frames.filter((f) => direct.blinkLeft[f] >= 0.7 && direct.blinkRight[f] <= 0.35);
    expect(good.length / frames.length).toBeGreaterThanOrEqual(0.9);
    for (const f of frameRange(254, 262)) expect(direct.blinkRight[f] - direct.blinkLeft[f], `frame ${f}`).toBeGreaterThanOrEqual(0.3);
  });

  it('flips the roll sign and the sideways position, and keeps pitch', () => {
    for (const f of ROLL_LEFT) expect(direct.roll[f], `frame ${f}`).toBeLessThanOrEqual(-25);
    for (const f of ROLL_RIGHT) expect(direct.roll[f], `frame ${f}`).toBeGreaterThanOrEqual(25);
    for (let f = 0; f < fixture.frames.length; f++) {
      expect(direct.roll[f]).toBeCloseTo(-mirrored.roll[f], 6);
      expect(direct.yaw[f]).toBeCloseTo(-mirrored.yaw[f], 6);
      expect(direct.pitch[f]).toBeCloseTo(mirrored.pitch[f], 6);
      expect(direct.position[f][0]).toBeCloseTo(-mirrored.position[f][0], 9);
    }
  });
});
