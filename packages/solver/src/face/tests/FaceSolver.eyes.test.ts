import { MEDIAPIPE_BLENDSHAPE_NAMES, createNeutralFace } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { loadFaceFixture } from '../../fixture/loadFaceFixture';
import { quatAngleBetween } from '@rigcast/math';
import type { FaceLandmarkerResultLike } from '../FaceLandmarkerResultLike';
import { FaceSolver } from '../FaceSolver';

const fixture = loadFaceFixture();
const FRAME_MS = 1000 / 30;
const DEG = Math.PI / 180;

/**
 * Frame 20 of the fixture with the head turned by `yawDeg` about the camera's +Y (> 0 turns the
 * face toward the image's right, the subject's left) and the given raw blink scores.
 */
function turnedWithBlinks(yawDeg: number, blinkLeft: number, blinkRight: number): FaceLandmarkerResultLike {
  const r = fixture.frames[20].result;
  const c = Math.cos(yawDeg * DEG);
  const s = Math.sin(yawDeg * DEG);
  const t = r.facialTransformationMatrixes![0].data;
  // Column-major Ry(yaw) with the frame's translation.
  const data = [c, 0, -s, 0, 0, 1, 0, 0, s, 0, c, 0, t[12], t[13], t[14], 1];
  const categories = r.faceBlendshapes![0].categories.map((cat) => ({ ...cat }));
  categories[MEDIAPIPE_BLENDSHAPE_NAMES.indexOf('eyeBlinkLeft')].score = blinkLeft;
  categories[MEDIAPIPE_BLENDSHAPE_NAMES.indexOf('eyeBlinkRight')].score = blinkRight;
  return { ...r, faceBlendshapes: [{ categories }], facialTransformationMatrixes: [{ rows: 4, columns: 4, data }] };
}

function settle(solver: FaceSolver, result: FaceLandmarkerResultLike) {
  const face = createNeutralFace();
  for (let i = 0; i < 20; i++) solver.solve(result, i * FRAME_MS, fixture.width, fixture.height, face);
  return face;
}

describe('FaceSolver blink stabilization', () => {
  it('lets the eye turned away from the camera follow the visible one', () => {
    // Face turned 40° toward the subject's left: their left eye is hidden and reads "closed".
    const face = settle(new FaceSolver({ mirror: false }), turnedWithBlinks(40, 0.7, 0.1));
    expect(face.blendshapes.eyeBlinkRight).toBeLessThan(0.05);
    expect(face.blendshapes.eyeBlinkLeft).toBeLessThan(0.05);
    // And the other way round.
    const other = settle(new FaceSolver({ mirror: false }), turnedWithBlinks(-40, 0.1, 0.7));
    expect(other.blendshapes.eyeBlinkLeft).toBeLessThan(0.05);
    expect(other.blendshapes.eyeBlinkRight).toBeLessThan(0.05);
  });

  it('keeps a wink when the face looks at the camera', () => {
    const face = settle(new FaceSolver({ mirror: false }), turnedWithBlinks(0, 0.7, 0.1));
    expect(face.blendshapes.eyeBlinkLeft).toBeGreaterThan(0.9);
    expect(face.blendshapes.eyeBlinkRight).toBeLessThan(0.05);
  });

  it('keeps the visible eye\'s wink when the face is turned', () => {
    // Turned toward the subject's left, the visible right eye winks: both close (the hidden one follows).
    const face = settle(new FaceSolver({ mirror: false }), turnedWithBlinks(40, 0.1, 0.7));
    expect(face.blendshapes.eyeBlinkRight).toBeGreaterThan(0.9);
  });
});

describe('FaceSolver mirror switch', () => {
  it('glides to the mirrored pose over several frames instead of flipping in one', () => {
    const solver = new FaceSolver({ mirror: true });
    const face = createNeutralFace();
    let t = 0;
    for (let i = 60; i <= 80; i++, t += FRAME_MS) solver.solve(fixture.frames[i].result, t, fixture.width, fixture.height, face);
    const start = [...face.head] as [number, number, number, number];
    solver.mirror = false;
    const steps: number[] = [];
    let previous = start;
    for (let i = 81; i <= 95; i++, t += FRAME_MS) {
      solver.solve(fixture.frames[i].result, t, fixture.width, fixture.height, face);
      steps.push(quatAngleBetween(previous, face.head));
      previous = [...face.head] as [number, number, number, number];
    }
    const total = quatAngleBetween(start, face.head);
    expect(total).toBeGreaterThan(50 * DEG); // +33° roll to −33°
    expect(Math.max(...steps)).toBeLessThan(0.3 * total);
  });
});
