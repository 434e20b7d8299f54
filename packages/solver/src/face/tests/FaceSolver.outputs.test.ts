import {
  ARKIT_BLENDSHAPE_NAMES,
  MEDIAPIPE_BLENDSHAPE_NAMES,
  createNeutralFace,
  encodeFrame,
  decodeFrame,
} from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { loadFaceFixture } from '../../fixture/loadFaceFixture';
import type { FaceLandmarkerResultLike } from '../FaceLandmarkerResultLike';
import { Mirror } from '../../space/Mirror';
import { FaceSolver } from '../FaceSolver';

const fixture = loadFaceFixture();

/** A fixture frame with blendshape scores replaced by distinct values (index / 100). */
function withDistinctShapes(index: number): FaceLandmarkerResultLike {
  const r = fixture.frames[index].result;
  return {
    ...r,
    faceBlendshapes: [{ categories: MEDIAPIPE_BLENDSHAPE_NAMES.map((categoryName, i) => ({ index: i, categoryName, score: i / 100 })) }],
  };
}

describe('Mirror', () => {
  it('maps the 51 MediaPipe ARKit shapes onto 51 distinct ARKit names, all but tongueOut', () => {
    for (const mirror of [false, true]) {
      const targets = [...Mirror.blendshapeTargets(mirror)];
      expect(targets[0]).toBe(-1); // _neutral
      const names = targets.slice(1).map((t) => ARKIT_BLENDSHAPE_NAMES[t]);
      expect(new Set(names).size).toBe(51);
      expect(names).not.toContain('tongueOut');
    }
  });

  it('swaps Left and Right only when mirrored', () => {
    const at = (name: string) => MEDIAPIPE_BLENDSHAPE_NAMES.indexOf(name as never);
    expect(ARKIT_BLENDSHAPE_NAMES[Mirror.blendshapeTargets(false)[at('eyeBlinkLeft')]]).toBe('eyeBlinkLeft');
    expect(ARKIT_BLENDSHAPE_NAMES[Mirror.blendshapeTargets(true)[at('eyeBlinkLeft')]]).toBe('eyeBlinkRight');
    expect(ARKIT_BLENDSHAPE_NAMES[Mirror.blendshapeTargets(true)[at('mouthLeft')]]).toBe('mouthRight');
    expect(ARKIT_BLENDSHAPE_NAMES[Mirror.blendshapeTargets(true)[at('jawOpen')]]).toBe('jawOpen');
  });
});

describe('FaceSolver outputs', () => {
  it('passes every MediaPipe shape through by its ARKit name (raw, smoothing 0), swapped when mirrored', () => {
    for (const mirror of [false, true]) {
      const solver = new FaceSolver({ mirror, smoothing: 0 });
      const face = createNeutralFace();
      solver.solve(withDistinctShapes(20), 0, fixture.width, fixture.height, face);
      const targets = Mirror.blendshapeTargets(mirror);
      MEDIAPIPE_BLENDSHAPE_NAMES.forEach((name, i) => {
        if (i === 0 || name.startsWith('eyeBlink')) return; // eyeBlink* carry the remapped blinks
        expect(face.blendshapes[ARKIT_BLENDSHAPE_NAMES[targets[i]]], name).toBeCloseTo(i / 100, 12);
      });
      expect(face.blendshapes.tongueOut).toBe(0);
    }
  });

  it('reads blendshapes by name when MediaPipe gives them in another order', () => {
    const solver = new FaceSolver({ mirror: false, smoothing: 0 });
    const face = createNeutralFace();
    const r = withDistinctShapes(20);
    r.faceBlendshapes![0].categories.reverse();
    solver.solve(r, 0, fixture.width, fixture.height, face);
    expect(face.blendshapes.jawOpen).toBeCloseTo(MEDIAPIPE_BLENDSHAPE_NAMES.indexOf('jawOpen') / 100, 12);
  });

  it('splits blinks as shared blink plus per-eye extra', () => {
    const solver = new FaceSolver();
    const face = createNeutralFace();
    for (const f of fixture.frames) {
      solver.solve(f.result, f.timeMs, fixture.width, fixture.height, face);
      const e = face.expressions;
      expect(e.blink + e.blinkLeft).toBeCloseTo(face.blendshapes.eyeBlinkLeft, 12);
      expect(e.blink + e.blinkRight).toBeCloseTo(face.blendshapes.eyeBlinkRight, 12);
      expect(Math.min(e.blinkLeft, e.blinkRight)).toBe(0);
    }
  });

  it('produces frames the codec accepts, with every weight in [0, 1] and vowels summing to ≤ 1', () => {
    const solver = new FaceSolver();
    const frame = { seq: 0, time: 0, face: createNeutralFace() };
    let lowest = Infinity;
    let highest = -Infinity;
    let vowelSum = 0;
    let codecError = 0;
    for (const f of fixture.frames) {
      solver.solve(f.result, f.timeMs, fixture.width, fixture.height, frame.face);
      frame.seq = f.index;
      frame.time = f.timeMs;
      const decoded = decodeFrame(encodeFrame(frame));
      codecError = Math.max(codecError, Math.abs(decoded.face!.expressions.blink - frame.face.expressions.blink));
      const e = frame.face.expressions;
      for (const v of [...Object.values(frame.face.blendshapes), ...Object.values(e), frame.face.confidence]) {
        lowest = Math.min(lowest, v);
        highest = Math.max(highest, v);
      }
      vowelSum = Math.max(vowelSum, e.aa + e.ih + e.ou + e.ee + e.oh);
    }
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(highest).toBeLessThanOrEqual(1);
    expect(vowelSum).toBeLessThanOrEqual(1 + 1e-9);
    expect(codecError).toBeLessThanOrEqual(1 / 510);
  });

  it('looks the same way with both eyes, and mirrors gaze yaw', () => {
    const direct = new FaceSolver({ mirror: false });
    const mirrored = new FaceSolver({ mirror: true });
    const a = createNeutralFace();
    const b = createNeutralFace();
    for (const f of fixture.frames) {
      direct.solve(f.result, f.timeMs, fixture.width, fixture.height, a);
      mirrored.solve(f.result, f.timeMs, fixture.width, fixture.height, b);
      expect(b.gaze.left.yaw).toBeCloseTo(-a.gaze.right.yaw, 9);
      expect(b.gaze.right.pitch).toBeCloseTo(a.gaze.left.pitch, 9);
      expect(Math.abs(a.gaze.left.yaw - a.gaze.right.yaw)).toBeLessThan(0.25); // eyes move together
    }
  });
});
