import { DEG, quatRotateVec3 } from '@rigcast/math';
import { createEmptyBody, type HumanoidBoneName, type Quat } from '@rigcast/protocol';
import type { PoseFixture } from '../../fixture/PoseFixture';
import type { TrackingState } from '../../lifecycle/TrackingState';
import { BodySolver, type BodySolverOptions } from '../BodySolver';
import { forwardKinematics, type BonePose } from './bodyFk';

/** Per-frame outputs of one replay of a pose fixture through a BodySolver. */
export interface PoseReplay {
  /** Every bone the solver wrote, per frame (copies). */
  bones: BonePose[];
  leftArm: TrackingState[];
  rightArm: TrackingState[];
  confidence: { torso: number; leftArm: number; rightArm: number }[];
  /** The avatar's left and right hand (wrist) above its shoulder (upper arm joint), metres, after forward kinematics. */
  leftHandAboveShoulder: number[];
  rightHandAboveShoulder: number[];
  /** World direction of the avatar's left upper and lower arm (unit vectors). */
  leftUpperArmDirection: [number, number, number][];
  leftLowerArmDirection: [number, number, number][];
  /** The left upper arm's elevation above the horizontal, degrees. */
  leftUpperArmElevation: number[];
}

const ALONG_ARM: Record<'left' | 'right', [number, number, number]> = { left: [1, 0, 0], right: [-1, 0, 0] };

/** Replays `fixture` through a fresh solver at the fixture's timestamps, as the tracker would. */
export function replayPoseFixture(fixture: PoseFixture, options: BodySolverOptions): PoseReplay {
  const solver = new BodySolver(options);
  const body = createEmptyBody();
  const out: PoseReplay = {
    bones: [], leftArm: [], rightArm: [], confidence: [],
    leftHandAboveShoulder: [], rightHandAboveShoulder: [], leftUpperArmDirection: [], leftLowerArmDirection: [], leftUpperArmElevation: [],
  };
  for (const frame of fixture.frames) {
    solver.solve(frame.result, frame.timeMs, body);
    const bones: BonePose = {};
    for (const [bone, q] of Object.entries(body.bones) as [HumanoidBoneName, Quat][]) bones[bone] = [q[0], q[1], q[2], q[3]];
    out.bones.push(bones);
    out.leftArm.push(solver.partState('leftArm'));
    out.rightArm.push(solver.partState('rightArm'));
    out.confidence.push({ torso: body.confidence.torso, leftArm: body.confidence.leftArm, rightArm: body.confidence.rightArm });
    const { position, rotation } = forwardKinematics(bones);
    for (const side of ['left', 'right'] as const) {
      const above = position.get(`${side}Hand`)![1] - position.get(`${side}UpperArm`)![1];
      (side === 'left' ? out.leftHandAboveShoulder : out.rightHandAboveShoulder).push(above);
    }
    const upper = quatRotateVec3([0, 0, 0], rotation.get('leftUpperArm')!, ALONG_ARM.left) as [number, number, number];
    const lower = quatRotateVec3([0, 0, 0], rotation.get('leftLowerArm')!, ALONG_ARM.left) as [number, number, number];
    out.leftUpperArmDirection.push(upper);
    out.leftLowerArmDirection.push(lower);
    out.leftUpperArmElevation.push(Math.asin(Math.max(-1, Math.min(1, upper[1]))) / DEG);
  }
  return out;
}

/** Frame numbers from `first` to `last` inclusive. */
export const frames = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, i) => first + i);
