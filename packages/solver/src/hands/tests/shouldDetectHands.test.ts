import { describe, expect, it } from 'vitest';
import type { PoseWristsLike } from '../PoseWristsLike';
import { IDLE_HAND_DETECTION_INTERVAL_MS, shouldDetectHands } from '../shouldDetectHands';

const inFrame: PoseWristsLike = { left: { x: 0.6, y: 0.7, visibility: 0.9 }, right: { x: 0.3, y: 1.3, visibility: 0.2 }, aspect: 16 / 9 };
const belowDesk: PoseWristsLike = { left: { x: 0.6, y: 1.1, visibility: 0.55 }, right: { x: 0.3, y: 1.3, visibility: 0.2 }, aspect: 16 / 9 };

describe('shouldDetectHands', () => {
  it('runs every frame without a pose (hands only), while a hand is tracked, or while the pose sees a wrist in the frame', () => {
    expect(shouldDetectHands({ poseRunning: false, poseWrists: null, handsTracked: 0, msSinceLastDetection: 0 })).toBe(true);
    expect(shouldDetectHands({ poseRunning: true, poseWrists: belowDesk, handsTracked: 1, msSinceLastDetection: 0 })).toBe(true);
    expect(shouldDetectHands({ poseRunning: true, poseWrists: inFrame, handsTracked: 0, msSinceLastDetection: 0 })).toBe(true);
  });

  it(`runs once every ${IDLE_HAND_DETECTION_INTERVAL_MS} ms when the pose shows no wrist in the frame, or no body`, () => {
    for (const poseWrists of [belowDesk, null]) {
      expect(shouldDetectHands({ poseRunning: true, poseWrists, handsTracked: 0, msSinceLastDetection: 33 })).toBe(false);
      expect(shouldDetectHands({ poseRunning: true, poseWrists, handsTracked: 0, msSinceLastDetection: IDLE_HAND_DETECTION_INTERVAL_MS })).toBe(true);
      expect(shouldDetectHands({ poseRunning: true, poseWrists, handsTracked: 0, msSinceLastDetection: Number.POSITIVE_INFINITY })).toBe(true);
    }
  });
});
