import { describe, expect, it } from 'vitest';
import { createPackedFaceArrays, FACE_LANDMARK_COUNT, packFaceResult, type PackedFaceInfo } from '../packFaceResult';
import { FaceResultView } from '../FaceResultView';

function fakeResult(faces: number) {
  const landmarks = Array.from({ length: FACE_LANDMARK_COUNT }, (_, i) => ({ x: i / 1000, y: 1 - i / 1000, z: -i / 1e4 }));
  // MediaPipe lists categories by index; shuffle them to show the index, not the order, counts.
  const categories = Array.from({ length: 52 }, (_, index) => ({ index, score: index / 100 })).reverse();
  return {
    faceLandmarks: faces ? [landmarks] : [],
    faceBlendshapes: faces ? [{ categories }] : [],
    facialTransformationMatrixes: faces ? [{ data: Array.from({ length: 16 }, (_, i) => i) }] : [],
  };
}

describe('packFaceResult + FaceResultView', () => {
  it('round-trips a face into a MediaPipe-shaped result with names', () => {
    const arrays = createPackedFaceArrays();
    const info: PackedFaceInfo = { hasFace: false, hasBlendshapes: false, hasMatrix: false, inferenceMs: 0 };
    packFaceResult(fakeResult(1), arrays, info);
    expect(info).toMatchObject({ hasFace: true, hasBlendshapes: true, hasMatrix: true });
    const view = new FaceResultView();
    view.update(arrays, info);
    expect(view.hasFace).toBe(true);
    expect(view.faceLandmarks[0]).toHaveLength(FACE_LANDMARK_COUNT);
    expect(view.faceLandmarks[0][468].x).toBeCloseTo(0.468, 6);
    expect(view.faceLandmarks[0][468].y).toBeCloseTo(0.532, 6);
    const categories = view.faceBlendshapes[0].categories;
    expect(categories[9]).toMatchObject({ categoryName: 'eyeBlinkLeft', index: 9 });
    expect(categories[9].score).toBeCloseTo(0.09, 6);
    expect(categories[0].categoryName).toBe('_neutral');
    expect(Array.from(view.facialTransformationMatrixes[0].data)).toEqual(Array.from({ length: 16 }, (_, i) => i));
  });

  it('shows no face, and reuses its objects from frame to frame', () => {
    const arrays = createPackedFaceArrays();
    const info: PackedFaceInfo = { hasFace: false, hasBlendshapes: false, hasMatrix: false, inferenceMs: 0 };
    const view = new FaceResultView();
    packFaceResult(fakeResult(1), arrays, info);
    view.update(arrays, info);
    const first = view.faceLandmarks[0][0];
    packFaceResult(fakeResult(0), arrays, info);
    view.update(arrays, info);
    expect(view.faceLandmarks).toEqual([]);
    expect(view.faceBlendshapes).toEqual([]);
    expect(view.facialTransformationMatrixes).toEqual([]);
    packFaceResult(fakeResult(1), arrays, info);
    view.update(arrays, info);
    expect(view.faceLandmarks[0][0]).toBe(first);
  });
});
