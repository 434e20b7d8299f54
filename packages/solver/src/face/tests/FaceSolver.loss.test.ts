import { createNeutralFace, type FaceRig } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { loadFaceFixture } from '../../fixture/loadFaceFixture';
import { quatAngleBetween } from '@rigcast/math';
import { FACE_EASE_TO_NEUTRAL_MS, FACE_HOLD_MS, FaceSolver } from '../FaceSolver';
import { TrackingState } from '../../lifecycle/TrackingState';

const fixture = loadFaceFixture();
const NO_FACE = { faceLandmarks: [], faceBlendshapes: [], facialTransformationMatrixes: [] };
const FRAME_MS = 1000 / 30;
const IDENTITY = [0, 0, 0, 1] as const;
const DEG = Math.PI / 180;

/** Tracks fixture frames `first..last` at 30 fps from `startMs`; returns the time after the last. */
function track(solver: FaceSolver, face: FaceRig, first: number, last: number, startMs: number): number {
  let t = startMs;
  for (let i = first; i <= last; i++, t += FRAME_MS) {
    expect(solver.solve(fixture.frames[i].result, t, fixture.width, fixture.height, face)).toBe(TrackingState.Tracking);
  }
  return t;
}

describe('FaceSolver tracking loss', () => {
  it('starts lost and neutral before any face, with confidence 0', () => {
    const solver = new FaceSolver();
    const face = createNeutralFace();
    face.blendshapes.jawOpen = 0.7;
    expect(solver.solve(NO_FACE, 0, 640, 480, face)).toBe(TrackingState.Lost);
    expect(face.head).toEqual([0, 0, 0, 1]);
    expect(face.blendshapes.jawOpen).toBe(0);
    expect(face.confidence).toBe(0);
    expect(solver.calibrate()).toBe(false);
  });

  it('holds the last pose, then eases to neutral, then stays there', () => {
    const solver = new FaceSolver();
    const face = createNeutralFace();
    let t = track(solver, face, 60, 80, 0); // head rolled ~33°
    const held = [...face.head];
    const heldAngle = quatAngleBetween(face.head as never, IDENTITY as never);
    expect(heldAngle).toBeGreaterThan(25 * DEG);
    const lostAt = t - FRAME_MS;
    let previousAngle = heldAngle;
    let sawLost = false;
    for (; t <= lostAt + FACE_HOLD_MS + FACE_EASE_TO_NEUTRAL_MS + 200; t += FRAME_MS) {
      const state = solver.solve(NO_FACE, t, fixture.width, fixture.height, face);
      const angle = quatAngleBetween(face.head as never, IDENTITY as never);
      if (t - lostAt <= FACE_HOLD_MS) {
        expect(state).toBe(TrackingState.Holding);
        expect(face.head).toEqual(held);
        expect(face.confidence).toBeGreaterThan(0);
      } else {
        expect(state).toBe(TrackingState.Lost);
        sawLost = true;
        expect(angle).toBeLessThanOrEqual(previousAngle + 1e-12);
        // Eased: never more than 1.5× the average rate of the ease (smoothstep's peak slope).
        expect(previousAngle - angle).toBeLessThanOrEqual((1.5 * heldAngle * FRAME_MS) / FACE_EASE_TO_NEUTRAL_MS + 1e-9);
      }
      previousAngle = angle;
    }
    expect(sawLost).toBe(true);
    expect(previousAngle).toBeLessThan(1e-9);
    expect(face.confidence).toBe(0);
    expect(Math.max(face.expressions.blink, face.blendshapes.jawOpen, face.headPosition[0] ** 2)).toBeLessThan(1e-9);
  });

  it('blends back without a snap when the face returns', () => {
    const solver = new FaceSolver();
    const face = createNeutralFace();
    let t = track(solver, face, 60, 70, 0);
    for (let end = t + 2000; t < end; t += FRAME_MS) solver.solve(NO_FACE, t, fixture.width, fixture.height, face);
    expect(quatAngleBetween(face.head as never, IDENTITY as never)).toBeLessThan(1e-9);
    // The face comes back rolled ~33°: the output must travel there over several frames.
    const steps: number[] = [];
    let previous = [...face.head] as [number, number, number, number];
    for (let i = 71; i <= 90; i++, t += FRAME_MS) {
      solver.solve(fixture.frames[i].result, t, fixture.width, fixture.height, face);
      steps.push(quatAngleBetween(previous, face.head));
      previous = [...face.head] as [number, number, number, number];
    }
    const travelled = quatAngleBetween(IDENTITY as never, face.head);
    expect(travelled).toBeGreaterThan(25 * DEG);
    expect(Math.max(...steps)).toBeLessThan(0.3 * travelled); // no single frame does most of the move
    expect(steps.filter((s) => s > 0.5 * DEG).length).toBeGreaterThanOrEqual(5);
  });

  it('rides through a dropout shorter than the hold without resetting', () => {
    const solver = new FaceSolver();
    const face = createNeutralFace();
    let t = track(solver, face, 70, 80, 0);
    const before = [...face.head] as [number, number, number, number];
    for (let i = 0; i < 3; i++, t += FRAME_MS) expect(solver.solve(NO_FACE, t, fixture.width, fixture.height, face)).toBe(TrackingState.Holding);
    solver.solve(fixture.frames[81].result, t, fixture.width, fixture.height, face);
    expect(quatAngleBetween(before, face.head)).toBeLessThan(2 * DEG);
  });

  it('glides to the new neutral after calibrate() instead of jumping', () => {
    const solver = new FaceSolver();
    const face = createNeutralFace();
    let t = track(solver, face, 60, 80, 0);
    expect(solver.calibrate()).toBe(true);
    const steps: number[] = [];
    let previous = [...face.head] as [number, number, number, number];
    for (let i = 81; i <= 90; i++, t += FRAME_MS) {
      solver.solve(fixture.frames[i].result, t, fixture.width, fixture.height, face);
      steps.push(quatAngleBetween(previous, face.head));
      previous = [...face.head] as [number, number, number, number];
    }
    expect(quatAngleBetween(IDENTITY as never, face.head)).toBeLessThan(2 * DEG); // now the neutral
    expect(Math.max(...steps)).toBeLessThan(10 * DEG); // ~33° spread over the blend
  });
});

describe('FaceSolver bad input', () => {
  it('treats a matrix with NaN as no face, and keeps its filters clean', () => {
    const solver = new FaceSolver();
    const face = createNeutralFace();
    const t = track(solver, face, 20, 30, 0);
    const bad = { ...fixture.frames[31].result, facialTransformationMatrixes: [{ rows: 4, columns: 4, data: new Array(16).fill(Number.NaN) }] };
    expect(solver.solve(bad, t, fixture.width, fixture.height, face)).toBe(TrackingState.Holding);
    expect(solver.solve(fixture.frames[32].result, t + FRAME_MS, fixture.width, fixture.height, face)).toBe(TrackingState.Tracking);
    expect(face.head.every(Number.isFinite)).toBe(true);
    expect(face.headPosition.every(Number.isFinite)).toBe(true);
  });

  it('ignores NaN landmarks for gaze instead of passing NaN on', () => {
    const solver = new FaceSolver();
    const face = createNeutralFace();
    const r = fixture.frames[20].result;
    const landmarks = r.faceLandmarks[0].map((p) => ({ ...p, x: Number.NaN }));
    solver.solve({ ...r, faceLandmarks: [landmarks] }, 0, fixture.width, fixture.height, face);
    expect([face.gaze.left.yaw, face.gaze.left.pitch, face.gaze.right.yaw, face.gaze.right.pitch].every(Number.isFinite)).toBe(true);
  });

  it('throws a clear RangeError for a non-finite time or an empty image, changing nothing', () => {
    const solver = new FaceSolver();
    const face = createNeutralFace();
    track(solver, face, 20, 25, 0);
    const before = JSON.stringify(face);
    expect(() => solver.solve(fixture.frames[26].result, Number.NaN, fixture.width, fixture.height, face)).toThrow(/timeMs must be a finite/);
    expect(() => solver.solve(fixture.frames[26].result, 1000, 0, 0, face)).toThrow(/image size must be positive/);
    expect(JSON.stringify(face)).toBe(before);
    expect(solver.state).toBe(TrackingState.Tracking);
  });
});
