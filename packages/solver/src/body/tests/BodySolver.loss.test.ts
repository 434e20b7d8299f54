import '@rigcast/math/testing';
import { DEG, quatAngleBetween } from '@rigcast/math';
import { createEmptyBody, relaxedRestRotation, type HumanoidBoneName, type Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { TrackingState } from '../../lifecycle/TrackingState';
import { BODY_EASE_TO_REST_MS, BODY_HOLD_MS, BODY_RETURN_BLEND_MS, BodySolver } from '../BodySolver';
import { BodySide } from '../BodySide';
import { PoseLandmarkIndex as P } from '../PoseLandmarkIndex';
import type { PoseLandmarkerResultLike } from '../PoseLandmarkerResultLike';
import { landmarksOf, leanUpperBody, poseArmAngles, type BonePose } from './bodyFk';

const FRAME_MS = 1000 / 30;
const ARM = ['leftShoulder', 'leftUpperArm', 'leftLowerArm'] as const;
const rest = (bone: HumanoidBoneName): Quat => relaxedRestRotation(bone, [0, 0, 0, 1]);

function raisedArmPose(): BonePose {
  const pose: BonePose = {};
  poseArmAngles(pose, BodySide.Left, { elevation: 30 * DEG, azimuth: 45 * DEG, twist: 0, bend: 60 * DEG, pronation: 0 });
  poseArmAngles(pose, BodySide.Right, { elevation: -60 * DEG, azimuth: 20 * DEG, twist: 0, bend: 30 * DEG, pronation: 0 });
  return pose;
}

/** The landmarks with the given ones unseen (visibility 0), or moved below the picture. */
function hide(result: PoseLandmarkerResultLike, indices: readonly number[], how: 'invisible' | 'below the frame') {
  const copy = (points: readonly { x: number; y: number; z: number; visibility?: number }[], image: boolean) =>
    points.map((p, i) => {
      if (!indices.includes(i)) return { ...p };
      // Below the frame, MediaPipe keeps guessing the arm and its visibility can stay high.
      return how === 'invisible' ? { ...p, visibility: 0 } : { ...p, y: image ? 1.04 : p.y, visibility: 0.6 };
    });
  return { landmarks: [copy(result.landmarks[0], true)], worldLandmarks: [copy(result.worldLandmarks[0], false)] };
}

interface Trace {
  time: number[];
  arm: Quat[][];
  confidence: number[];
  state: TrackingState[];
}

function run(how: 'invisible' | 'below the frame' | 'no pose'): Trace {
  const solver = new BodySolver({ mirror: false });
  const body = createEmptyBody();
  const visible = landmarksOf(raisedArmPose());
  const hidden = how === 'no pose' ? { landmarks: [], worldLandmarks: [] } : hide(visible, [P.LeftElbow, P.LeftWrist], how);
  const trace: Trace = { time: [], arm: [], confidence: [], state: [] };
  // 1 s seen, 2 s lost, 1 s seen again.
  for (let frame = 0; frame < 120; frame++) {
    const t = frame * FRAME_MS;
    solver.solve(frame >= 30 && frame < 90 ? hidden : visible, t, body);
    trace.time.push(t);
    trace.arm.push(ARM.map((bone) => [...body.bones[bone]!] as Quat));
    trace.confidence.push(body.confidence.leftArm);
    trace.state.push(solver.partState('leftArm'));
  }
  return trace;
}

const lostAt = 30 * FRAME_MS;
const restBy = lostAt + BODY_HOLD_MS + BODY_EASE_TO_REST_MS;

describe('BodySolver when a part is lost', () => {
  for (const how of ['invisible', 'below the frame', 'no pose'] as const) {
    it(`an arm whose landmarks are ${how} holds for ${BODY_HOLD_MS} ms, reaches the relaxed rest by ${BODY_HOLD_MS + BODY_EASE_TO_REST_MS} ms, with no NaN`, () => {
      const trace = run(how);
      const tracked = trace.arm[29];
      trace.arm.forEach((q) => expect(q.flat().every(Number.isFinite)).toBe(true));
      for (let f = 30; f < 90; f++) {
        const since = trace.time[f] - lostAt;
        if (since < BODY_HOLD_MS - FRAME_MS) {
          expect(trace.state[f]).toBe(TrackingState.Holding);
          ARM.forEach((_, k) => expect(trace.arm[f][k]).toBeCloseToQuaternion(tracked[k], 1e-6));
          expect(trace.confidence[f]).toBeLessThan(trace.confidence[29]);
        }
        if (trace.time[f] >= restBy) {
          ARM.forEach((bone, k) => expect(trace.arm[f][k]).toBeCloseToQuaternion(rest(bone), 1e-6));
          expect(trace.confidence[f]).toBe(0);
        }
      }
      // Arms down at the sides: the relaxed rest drops the upper arm 70°, not a T-pose.
      expect(quatAngleBetween(trace.arm[85][1], [0, 0, 0, 1]) / DEG).toBeCloseTo(70, 6);
    });

    it(`an arm ${how === 'no pose' ? 'of a pose that comes back' : `whose landmarks were ${how}`} blends back in over ${BODY_RETURN_BLEND_MS} ms, without a snap`, () => {
      const trace = run(how);
      const steps: number[] = [];
      for (let f = 90; f < 120; f++) steps.push(Math.max(...ARM.map((_, k) => quatAngleBetween(trace.arm[f - 1][k], trace.arm[f][k]) / DEG)));
      const total = quatAngleBetween(trace.arm[89][1], trace.arm[119][1]) / DEG;
      console.log(`return after "${how}": ${total.toFixed(0)}° in all, largest step ${Math.max(...steps).toFixed(1)}°, first step ${steps[0].toFixed(1)}°`);
      expect(total).toBeGreaterThan(60);
      // A smoothstep blend over 9 frames moves at most 1.5 × total / 9 per frame; a snap would move it all at once.
      expect(Math.max(...steps)).toBeLessThan((1.6 * total) / (BODY_RETURN_BLEND_MS / FRAME_MS));
      expect(steps[0]).toBeLessThan(total / 4);
      ARM.forEach((_, k) => expect(trace.arm[119][k]).toBeCloseToQuaternion(trace.arm[29][k], 0.5));
    });
  }

  it('the torso of a lost pose eases back to upright, and the avatar never shows a T-pose while nothing was ever seen', () => {
    const solver = new BodySolver();
    const body = createEmptyBody();
    solver.solve({ landmarks: [], worldLandmarks: [] }, 0, body);
    expect(body.bones.leftUpperArm).toBeCloseToQuaternion(rest('leftUpperArm'), 1e-9);
    expect(body.bones.rightUpperArm).toBeCloseToQuaternion(rest('rightUpperArm'), 1e-9);
    expect(body.confidence).toMatchObject({ torso: 0, leftArm: 0, rightArm: 0 });
    const { subject } = leanUpperBody(raisedArmPose(), 0, 0, 20 * DEG);
    const seen = landmarksOf(subject);
    for (let f = 0; f < 30; f++) solver.solve(seen, f * FRAME_MS, body);
    expect(quatAngleBetween(body.bones.spine!, [0, 0, 0, 1]) / DEG).toBeCloseTo(20 * 0.4, 0);
    for (let f = 30; f < 90; f++) solver.solve({ landmarks: [], worldLandmarks: [] }, f * FRAME_MS, body);
    expect(body.bones.spine).toBeCloseToQuaternion([0, 0, 0, 1], 1e-6);
    expect(solver.partState('torso')).toBe(TrackingState.Lost);
  });

  it('treats non-finite world landmarks as no pose, without poisoning the filters', () => {
    const solver = new BodySolver();
    const body = createEmptyBody();
    const seen = landmarksOf(raisedArmPose());
    for (let f = 0; f < 30; f++) solver.solve(seen, f * FRAME_MS, body);
    const before = [...body.bones.leftUpperArm!];
    const broken = { landmarks: seen.landmarks, worldLandmarks: [seen.worldLandmarks[0].map((p, i) => (i === P.LeftElbow ? { ...p, x: Number.NaN } : p))] };
    solver.solve(broken, 30 * FRAME_MS, body);
    expect(solver.partState('leftArm')).toBe(TrackingState.Holding);
    solver.solve(seen, 31 * FRAME_MS, body);
    expect(body.bones.leftUpperArm).toBeCloseToQuaternion(before as Quat, 0.5);
    expect(() => solver.solve(seen, Number.NaN, body)).toThrow(/timeMs must be a finite time/);
  });
});
