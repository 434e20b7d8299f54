import { POSE_LANDMARK_COUNT, PoseLandmarkIndex } from '@rigcast/solver';
import { describe, expect, it } from 'vitest';
import { POSE_LAYOUT, type PoseLandmarkerOutput } from '../packPoseResult';
import { PoseResultView } from '../PoseResultView';

function pose(visibility: boolean): PoseLandmarkerOutput {
  const points = (scale: number) =>
    Array.from({ length: POSE_LANDMARK_COUNT }, (_, i) => ({ x: i * scale, y: 0.5, z: -i * scale, ...(visibility ? { visibility: i / 40 } : {}) }));
  return { landmarks: [points(0.01)], worldLandmarks: [points(0.02)] };
}

describe('PoseResultView', () => {
  it('shows a packed PoseLandmarker result with its visibility, and the wrists in the image', () => {
    const arrays = POSE_LAYOUT.createArrays();
    const info = POSE_LAYOUT.createInfo();
    const view = new PoseResultView();
    POSE_LAYOUT.pack(pose(true), arrays, info);
    view.update(arrays, info);
    expect(view.hasPose).toBe(true);
    expect(view.worldLandmarks[0][10]).toMatchObject({ x: expect.closeTo(0.2, 6), z: expect.closeTo(-0.2, 6), visibility: expect.closeTo(0.25, 6) });
    expect(view.landmarks[0][10].visibility).toBeCloseTo(0.25, 6);
    const wrists = view.wrists(1280, 720)!;
    expect(wrists.aspect).toBeCloseTo(1280 / 720, 9);
    expect(wrists.left!.x).toBeCloseTo(PoseLandmarkIndex.LeftWrist * 0.01, 6);
    expect(wrists.right!.x).toBeCloseTo(PoseLandmarkIndex.RightWrist * 0.01, 6);
  });

  it('leaves visibility out when MediaPipe gives none, and shows no pose for an empty result', () => {
    const arrays = POSE_LAYOUT.createArrays();
    const info = POSE_LAYOUT.createInfo();
    const view = new PoseResultView();
    POSE_LAYOUT.pack(pose(false), arrays, info);
    view.update(arrays, info);
    expect(view.landmarks[0][3].visibility).toBeUndefined();
    POSE_LAYOUT.pack({ landmarks: [], worldLandmarks: [] }, arrays, info);
    view.update(arrays, info);
    expect(view.hasPose).toBe(false);
    expect(view.landmarks).toHaveLength(0);
    expect(view.wrists(640, 480)).toBeNull();
  });
});
