import type { PoseLandmarkerResult } from '@mediapipe/tasks-vision';
import { describe, expectTypeOf, it } from 'vitest';
import type { PoseLandmarkerResultLike } from '../PoseLandmarkerResultLike';

describe('PoseLandmarkerResultLike', () => {
  it("accepts MediaPipe's own PoseLandmarkerResult (checked by tsc)", () => {
    expectTypeOf<PoseLandmarkerResult>().toMatchTypeOf<PoseLandmarkerResultLike>();
  });
});
