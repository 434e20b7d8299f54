import { createEmptyBody, type BodyRig } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { bytesPerCall, captureTimes, retainedBytes } from '../../../../../test/support/allocation';
import { loadPoseFixture } from '../../fixture/loadPoseFixture';
import { BodySolver, type BodySolverOptions } from '../BodySolver';
import type { PoseLandmarkerResultLike } from '../PoseLandmarkerResultLike';
import { fullBodyFromRecording } from './fullBodyFromRecording';

/**
 * Boxed numbers a frame may cost (16 B each; see the test): a full-body frame runs ~14 filters,
 * ~10 Gauss–Newton steps and 5 limb solves through the shared math.
 */
const MAX_BOXED_NUMBERS = 32;
const FRAME_MS = 1000 / 30;

const MEASURED_CALLS = 2000;
const times = captureTimes(40_000, 11, MEASURED_CALLS);

/** The real arm-raise recording: one arm tracked, one lost, the torso seen, no legs. */
const recorded: PoseLandmarkerResultLike[] = loadPoseFixture().frames.map((f) => f.result);
/** The same with legs added (see fullBodyFromRecording: made without the FK generator, whose array types would leave V8's caches in a state the tracker never sees). */
const fullBody: PoseLandmarkerResultLike[] = fullBodyFromRecording().frames.map((f) => f.result);

function solveInto(body: BodyRig, frames: readonly PoseLandmarkerResultLike[], options: BodySolverOptions): (i: number) => void {
  const solver = new BodySolver(options);
  return (i) => {
    // Every 97th frame has no pose, so losing and finding parts runs too.
    solver.solve(i % 97 === 0 ? { landmarks: [], worldLandmarks: [] } : frames[i % frames.length], times[i], body);
    if (i % 500 === 0) solver.lowerArmWorld('left', LOWER_ARM);
  };
}
const LOWER_ARM: [number, number, number, number] = [0, 0, 0, 1];

describe('BodySolver per-frame allocation', () => {
  it('creates no objects or arrays per frame, in upper and full mode, filtered or raw', async () => {
    // Storing a fractional confidence into a BodyRig's record boxes it (createEmptyBody builds the
    // record key by key): the price of the output format, measured as the baseline.
    const written = createEmptyBody();
    const writeOnly = (i: number): void => {
      written.confidence.torso = 0.5 + (i % 7) / 100;
      written.confidence.leftArm = 0.4 + (i % 5) / 100;
      written.confidence.rightArm = 0.3 + (i % 3) / 100;
    };
    const baseline = await bytesPerCall(writeOnly, MEASURED_CALLS);
    const figures: string[] = [];
    for (const [label, frames, options] of [
      ['upper mode, arm-raise recording', recorded, { mode: 'upper' }],
      ['full mode, legs added', fullBody, { mode: 'full' }],
      ['full mode, unfiltered', fullBody, { mode: 'full', smoothing: 0 }],
    ] as const) {
      const bytes = await bytesPerCall(solveInto(createEmptyBody(), frames, options), MEASURED_CALLS);
      figures.push(`${label} ${bytes.toFixed(0)} B`);
      // The solver creates no arrays and no objects per frame. What V8 still allocates is numbers
      // boxed where they cross a call it did not inline (16 B each); the hot paths are written to
      // keep those few (see HingedLimb, TorsoFit). One copied landmark list would be kilobytes, a
      // new Quat per bone of a full body about 1 KB.
      expect(bytes - baseline, label).toBeLessThan(MAX_BOXED_NUMBERS * 16);
    }
    console.log(`per frame (jittered steps): ${figures.join(', ')}; writing three confidences alone ${baseline.toFixed(0)} B`);
  }, 60_000);

  it('retains nothing: the heap after 10,000 solves and a GC is where it started', () => {
    const growth = retainedBytes(solveInto(createEmptyBody(), fullBody, { mode: 'full' }), 10_000);
    console.log(`retained after 10,000 solves: ${growth} B`);
    expect(growth).toBeLessThan(64 * 1024);
  }, 60_000);

  it('keeps the target’s shape: a mode writes the same bones every frame, and a mode change adds or removes them once', () => {
    const solver = new BodySolver({ mode: 'full' });
    const body = createEmptyBody();
    body.bones.leftIndexProximal = [0, 0, 0, 1]; // a hand solver's bone: never touched
    solver.solve(fullBody[0], 0, body);
    const fullBones = Object.keys(body.bones).sort();
    const arrays = fullBones.map((b) => body.bones[b as keyof typeof body.bones]);
    for (let i = 1; i < 50; i++) solver.solve(i % 7 === 0 ? { landmarks: [], worldLandmarks: [] } : fullBody[i], i * FRAME_MS, body);
    expect(Object.keys(body.bones).sort()).toEqual(fullBones);
    fullBones.forEach((b, k) => expect(body.bones[b as keyof typeof body.bones]).toBe(arrays[k]));
    expect(fullBones).toContain('hips');
    solver.mode = 'upper';
    solver.solve(fullBody[50], 50 * FRAME_MS, body);
    expect(Object.keys(body.bones).sort()).toEqual(
      ['chest', 'leftIndexProximal', 'leftLowerArm', 'leftShoulder', 'leftUpperArm', 'rightLowerArm', 'rightShoulder', 'rightUpperArm', 'spine', 'upperChest'],
    );
    solver.mode = 'off';
    solver.solve(fullBody[51], 51 * FRAME_MS, body);
    expect(Object.keys(body.bones)).toEqual(['leftIndexProximal']);
    expect(body.confidence).toMatchObject({ torso: 0, leftArm: 0, rightArm: 0, leftLeg: 0, rightLeg: 0 });
  });
});
