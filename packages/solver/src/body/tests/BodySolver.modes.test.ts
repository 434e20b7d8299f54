import '@rigcast/math/testing';
import { DEG } from '@rigcast/math';
import { createSkeleton } from '@rigcast/avatar-gen';
import { createEmptyBody, type Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { TrackingState } from '../../lifecycle/TrackingState';
import { LEG_ENTER_AFTER_MS } from '../BodyMode';
import { DEFAULT_BODY_REST_POSE } from '../BodyRestPose';
import { BodySolver } from '../BodySolver';
import { BodySide } from '../BodySide';
import { PoseLandmarkIndex as P } from '../PoseLandmarkIndex';
import { landmarksOf, poseArmAngles, poseFromParams, randomParams, worldRotation, type BonePose } from './bodyFk';

const FRAME_MS = 1000 / 30;

describe('BodySolver modes and interfaces', () => {
  it("uses the default avatar's real rest pose (createSkeleton) unless told otherwise", () => {
    const skeleton = createSkeleton();
    const joints = {
      hips: 'hips', spine: 'spine', chest: 'chest', upperChest: 'upperChest',
      leftShoulder: 'leftShoulder', leftUpperArm: 'leftUpperArm', leftLowerArm: 'leftLowerArm', leftHand: 'leftHand',
      leftUpperLeg: 'leftUpperLeg', leftLowerLeg: 'leftLowerLeg', leftFoot: 'leftFoot',
    } as const;
    for (const [key, bone] of Object.entries(joints)) {
      const expected = skeleton.position(bone);
      const actual = DEFAULT_BODY_REST_POSE[key as keyof typeof joints];
      for (let i = 0; i < 3; i++) expect(actual[i], `${key}[${i}]`).toBeCloseTo(expected[i], 9);
    }
  });

  it("gives the hand solver the avatar's lower arm in the world, after mirroring, only while that arm is tracked", () => {
    const pose: BonePose = {};
    poseArmAngles(pose, BodySide.Left, { elevation: 20 * DEG, azimuth: 60 * DEG, twist: 0.3, bend: 70 * DEG, pronation: 0 });
    poseArmAngles(pose, BodySide.Right, { elevation: -50 * DEG, azimuth: 30 * DEG, twist: -0.2, bend: 40 * DEG, pronation: 0 });
    const seen = landmarksOf(pose);
    // Her right arm's wrist below the picture: that arm is not tracked.
    const rightHidden = { landmarks: [seen.landmarks[0].map((p, i) => (i === P.RightWrist ? { ...p, y: 1.1 } : p))], worldLandmarks: seen.worldLandmarks };
    for (const mirror of [false, true]) {
      const solver = new BodySolver({ mirror });
      const body = createEmptyBody();
      for (let f = 0; f < 30; f++) solver.solve(rightHidden, f * FRAME_MS, body);
      const tracked: 'left' | 'right' = mirror ? 'right' : 'left';
      const lost: 'left' | 'right' = mirror ? 'left' : 'right';
      const out: Quat = [0, 0, 0, 1];
      expect(solver.lowerArmWorld(tracked, out)).toBe(true);
      expect(out).toBeCloseToQuaternion(worldRotation(body.bones, `${tracked}LowerArm`), 1e-9);
      const untouched: Quat = [1, 0, 0, 0];
      expect(solver.lowerArmWorld(lost, untouched)).toBe(false);
      expect(untouched).toEqual([1, 0, 0, 0]);
      solver.mode = 'off';
      solver.solve(rightHidden, 30 * FRAME_MS, body);
      expect(solver.lowerArmWorld(tracked, out)).toBe(false);
    }
  });

  it('carries the hips and legs in full mode only once knees and ankles have been seen well for half a second', () => {
    const { subject } = poseFromParams('full', randomParams(() => 0.5, 'full'));
    const seen = landmarksOf(subject);
    const kneesHidden = {
      landmarks: [seen.landmarks[0].map((p, i) => ([P.LeftKnee, P.RightKnee].includes(i as never) ? { ...p, visibility: 0.2 } : p))],
      worldLandmarks: seen.worldLandmarks,
    };
    const solver = new BodySolver({ mode: 'full', mirror: false, smoothing: 0 });
    const body = createEmptyBody();
    let firstLegFrame = -1;
    for (let f = 0; f < 40; f++) {
      solver.solve(f < 10 ? kneesHidden : seen, f * FRAME_MS, body);
      expect(Object.keys(body.bones)).toContain('leftFoot');
      if (solver.partState('leftLeg') === TrackingState.Tracking && firstLegFrame < 0) firstLegFrame = f;
      if (f < 10) {
        expect(solver.partState('leftLeg')).toBe(TrackingState.Lost);
        expect(body.bones.hips).toBeCloseToQuaternion([0, 0, 0, 1], 1e-9);
        expect(body.confidence.leftLeg).toBe(0);
      }
    }
    // Seen from frame 10 on: taken up LEG_ENTER_AFTER_MS later.
    expect((firstLegFrame - 10) * FRAME_MS).toBeGreaterThanOrEqual(LEG_ENTER_AFTER_MS);
    expect((firstLegFrame - 10) * FRAME_MS).toBeLessThan(LEG_ENTER_AFTER_MS + 2 * FRAME_MS);
    expect(body.bones.hips).toBeCloseToQuaternion(subject.hips!, 0.5);
    expect(body.bones.leftLowerLeg).toBeCloseToQuaternion(subject.leftLowerLeg!, 0.5);
    expect(body.confidence.leftLeg).toBeGreaterThan(0.9);
  });

  it('writes no hips or legs in upper mode, and nothing in off mode', () => {
    const { subject } = poseFromParams('full', randomParams(() => 0.3, 'full'));
    const solver = new BodySolver();
    const body = createEmptyBody();
    for (let f = 0; f < 30; f++) solver.solve(landmarksOf(subject), f * FRAME_MS, body);
    expect(Object.keys(body.bones).sort()).toEqual(
      ['chest', 'leftLowerArm', 'leftShoulder', 'leftUpperArm', 'rightLowerArm', 'rightShoulder', 'rightUpperArm', 'spine', 'upperChest'],
    );
    expect(body.confidence.leftLeg).toBe(0);
    solver.mode = 'off';
    expect(solver.solve(landmarksOf(subject), 30 * FRAME_MS, body)).toBe(TrackingState.Lost);
    expect(body.bones).toEqual({});
  });
});
