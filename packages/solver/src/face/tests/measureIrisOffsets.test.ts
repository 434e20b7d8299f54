import { createNeutralFace } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { loadFaceFixture } from '../../fixture/loadFaceFixture';
import { FaceLandmarkIndex } from '../FaceLandmarkIndex';
import type { FaceLandmarkerResultLike } from '../FaceLandmarkerResultLike';
import { FaceSolver } from '../FaceSolver';
import { measureIrisOffsets } from '../measureIrisOffsets';

const fixture = loadFaceFixture();

/** A copy of a fixture frame with both irises moved by `dx` (normalized image units, + = image right). */
function withIrisShift(index: number, dx: number): FaceLandmarkerResultLike {
  const r = fixture.frames[index].result;
  const landmarks = r.faceLandmarks[0].map((p, i) =>
    i === FaceLandmarkIndex.RightIrisCenter || i === FaceLandmarkIndex.LeftIrisCenter ? { ...p, x: p.x + dx } : p,
  );
  return { ...r, faceLandmarks: [landmarks] };
}

describe('iris offsets and gaze', () => {
  it('measures offsets along the eye line, independent of head roll', () => {
    const out = new Float64Array(4);
    for (const index of [20, 80, 155]) {
      measureIrisOffsets(fixture.frames[index].result.faceLandmarks[0], fixture.width, fixture.height, out);
      for (const v of out) expect(Math.abs(v)).toBeLessThan(0.35); // looking roughly ahead in every pose
    }
  });

  it('turns an iris shift toward the image right (camera +X) into gaze yaw > 0 unmirrored and < 0 mirrored', () => {
    for (const mirror of [false, true]) {
      const solver = new FaceSolver({ mirror, smoothing: 0 });
      const face = createNeutralFace();
      solver.solve(fixture.frames[20].result, 0, fixture.width, fixture.height, face);
      solver.calibrate();
      // Past the calibration glide (FACE_RETURN_BLEND_MS).
      for (let i = 1; i <= 10; i++) solver.solve(withIrisShift(20, 0.006), i * 33, fixture.width, fixture.height, face);
      const sign = mirror ? -1 : 1;
      expect(sign * face.gaze.left.yaw).toBeGreaterThan(0.1);
      expect(sign * face.gaze.right.yaw).toBeGreaterThan(0.1);
    }
  });
});
