import { HAND_LANDMARK_COUNT } from '@rigcast/solver';
import { describe, expect, it } from 'vitest';
import { HandsResultView } from '../HandsResultView';
import { HANDS_LAYOUT, type HandLandmarkerOutput } from '../packHandsResult';

/** A MediaPipe-shaped hand whose landmark i sits at (hand + i / 100, i / 100, −i / 1000). */
function hand(offset: number): { x: number; y: number; z: number }[] {
  return Array.from({ length: HAND_LANDMARK_COUNT }, (_, i) => ({ x: offset + i / 100, y: i / 100, z: -i / 1000 }));
}

function result(hands: number[], labels: string[]): HandLandmarkerOutput {
  return {
    landmarks: hands.map(hand),
    worldLandmarks: hands.map((offset) => hand(offset + 10)),
    handedness: labels.map((categoryName) => [{ categoryName, score: 0.9 }]),
  };
}

describe('HandsResultView', () => {
  it('shows what a packed HandLandmarker result holds, one hand or two, and nothing after clear', () => {
    const arrays = HANDS_LAYOUT.createArrays();
    const info = HANDS_LAYOUT.createInfo();
    const view = new HandsResultView();
    HANDS_LAYOUT.pack(result([0.1, 0.5], ['Left', 'Right']), arrays, info);
    view.update(arrays, info);
    expect(view.count).toBe(2);
    expect(view.landmarks[1][20].x).toBeCloseTo(0.7, 6);
    expect(view.worldLandmarks[0][3]).toEqual({ x: expect.closeTo(10.13, 5), y: expect.closeTo(0.03, 6), z: expect.closeTo(-0.003, 6) });
    expect(view.handedness.map((h) => h[0].categoryName)).toEqual(['Left', 'Right']);

    HANDS_LAYOUT.pack(result([0.3], ['Right']), arrays, info);
    view.update(arrays, info);
    expect(view.count).toBe(1);
    expect(view.landmarks[0][0].x).toBeCloseTo(0.3, 6);
    expect(view.handedness[0][0]).toMatchObject({ categoryName: 'Right', score: expect.closeTo(0.9, 6) });

    view.clear();
    expect([view.landmarks, view.worldLandmarks, view.handedness].map((list) => list.length)).toEqual([0, 0, 0]);
  });

  it('skips a hand with missing landmarks, and reuses its objects from frame to frame', () => {
    const arrays = HANDS_LAYOUT.createArrays();
    const info = HANDS_LAYOUT.createInfo();
    const view = new HandsResultView();
    const broken = result([0.1, 0.5], ['Left', 'Right']);
    broken.worldLandmarks[0] = broken.worldLandmarks[0].slice(0, 5);
    HANDS_LAYOUT.pack(broken, arrays, info);
    view.update(arrays, info);
    expect(view.count).toBe(1);
    expect(view.handedness[0][0].categoryName).toBe('Right');
    const list = view.landmarks;
    const point = view.landmarks[0][0];
    view.update(arrays, info);
    expect(view.landmarks).toBe(list);
    expect(view.landmarks[0][0]).toBe(point);
  });
});
