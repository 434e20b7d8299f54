import type { FaceLandmarkerResult } from '@mediapipe/tasks-vision';
import { describe, expectTypeOf, it } from 'vitest';
import type { FaceLandmarkerResultLike } from '../FaceLandmarkerResultLike';

describe('FaceLandmarkerResultLike', () => {
  it("accepts MediaPipe's own FaceLandmarkerResult (checked by tsc)", () => {
    expectTypeOf<FaceLandmarkerResult>().toMatchTypeOf<FaceLandmarkerResultLike>();
  });
});
