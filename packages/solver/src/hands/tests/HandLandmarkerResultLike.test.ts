import type { HandLandmarkerResult } from '@mediapipe/tasks-vision';
import { describe, expectTypeOf, it } from 'vitest';
import type { HandLandmarkerResultLike } from '../HandLandmarkerResultLike';

describe('HandLandmarkerResultLike', () => {
  it("accepts MediaPipe's own HandLandmarkerResult (checked by tsc)", () => {
    expectTypeOf<HandLandmarkerResult>().toMatchTypeOf<HandLandmarkerResultLike>();
  });
});
