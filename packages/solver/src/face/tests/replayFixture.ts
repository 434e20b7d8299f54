import { createNeutralFace } from '@rigcast/protocol';
import type { FaceFixture } from '../../fixture/FaceFixture';
import { quatToHeadAngles } from '@rigcast/math';
import { FaceLandmarkIndex } from '../FaceLandmarkIndex';
import { FaceSolver, type FaceSolverOptions } from '../FaceSolver';

const DEG_PER_RAD = 180 / Math.PI;

/** Per-frame outputs of one replay of a fixture through a FaceSolver. */
export interface FixtureReplay {
  /** Head roll/yaw/pitch in degrees (RigFrame conventions). */
  roll: number[];
  yaw: number[];
  pitch: number[];
  /** The avatar's left and right eye closure (`eyeBlinkLeft`/`eyeBlinkRight` blendshapes). */
  blinkLeft: number[];
  blinkRight: number[];
  /** Head position x/y/z in metres. */
  position: [number, number, number][];
  /** The 2D eye-line angle in degrees (image y down: > 0 when the image-right eye is lower). */
  eyeLine: number[];
}

/**
 * Replays a fixture through a solver at the fixture's timestamps, as the tracker would, and calls
 * `calibrate()` right after solving frame `calibrateAfter` (when given) — the user clicking
 * Calibrate while looking at the camera.
 */
export function replayFixture(
  fixture: FaceFixture,
  options: FaceSolverOptions,
  calibrateAfter?: number,
): FixtureReplay {
  const solver = new FaceSolver(options);
  const face = createNeutralFace();
  const angles = { yaw: 0, pitch: 0, roll: 0 };
  const out: FixtureReplay = { roll: [], yaw: [], pitch: [], blinkLeft: [], blinkRight: [], position: [], eyeLine: [] };
  for (const frame of fixture.frames) {
    solver.solve(frame.result, frame.timeMs, fixture.width, fixture.height, face);
    if (frame.index === calibrateAfter) solver.calibrate();
    quatToHeadAngles(angles, face.head);
    out.roll.push(angles.roll * DEG_PER_RAD);
    out.yaw.push(angles.yaw * DEG_PER_RAD);
    out.pitch.push(angles.pitch * DEG_PER_RAD);
    out.blinkLeft.push(face.blendshapes.eyeBlinkLeft);
    out.blinkRight.push(face.blendshapes.eyeBlinkRight);
    out.position.push([face.headPosition[0], face.headPosition[1], face.headPosition[2]]);
    const lm = frame.result.faceLandmarks[0];
    const a = lm[FaceLandmarkIndex.RightEyeOuterCorner];
    const b = lm[FaceLandmarkIndex.LeftEyeOuterCorner];
    out.eyeLine.push(Math.atan2((b.y - a.y) * fixture.height, (b.x - a.x) * fixture.width) * DEG_PER_RAD);
  }
  return out;
}

/** Frame numbers from `first` to `last` inclusive. */
export function frameRange(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Standard deviation of `values` at the given frames. */
export function stdAt(values: readonly number[], frames: readonly number[]): number {
  const xs = frames.map((f) => values[f]);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
}
