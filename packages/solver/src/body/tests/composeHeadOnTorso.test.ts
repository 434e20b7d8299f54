import '@rigcast/math/testing';
import { DEG, quatAngleBetween, quatFromAxisAngle, quatFromHeadAngles, quatSlerp } from '@rigcast/math';
import { createEmptyBody, createNeutralFace, type Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { BodySolver } from '../BodySolver';
import { BodySide } from '../BodySide';
import { composeHeadOnTorso } from '../composeHeadOnTorso';
import { landmarksOf, poseArmAngles, worldRotation, type BonePose } from './bodyFk';

const FRAME_MS = 1000 / 30;
const IDENTITY: Quat = [0, 0, 0, 1];
const q = (): Quat => [0, 0, 0, 1];
/** The avatar page's split of the face's head rotation (neck takes a share, head the rest; neck · head = face.head). */
const NECK_SHARE = 0.4;

/** The avatar's head in the world after applying the body's torso and then the face's head (split over neck and head). */
function avatarHeadWorld(body: BonePose, faceHead: Quat): Quat {
  const pose: BonePose = { ...body, neck: quatSlerp(q(), IDENTITY, faceHead, NECK_SHARE), head: quatSlerp(q(), IDENTITY, faceHead, 1 - NECK_SHARE) };
  return worldRotation(pose, 'head');
}

/** A body leaning `deg` about `axis` (split over spine, chest and upperChest by the solver's rule), solved from its landmarks. */
function solvedLeaningBody(axis: [number, number, number], deg: number, mirror: boolean, mode: 'upper' | 'full' = 'upper') {
  const lean = quatFromAxisAngle([0, 0, 0, 1], axis, deg * DEG) as Quat;
  const truth: BonePose = {};
  poseArmAngles(truth, BodySide.Left, { elevation: -60 * DEG, azimuth: 20 * DEG, twist: 0, bend: 40 * DEG, pronation: 0 });
  poseArmAngles(truth, BodySide.Right, { elevation: -60 * DEG, azimuth: 20 * DEG, twist: 0, bend: 40 * DEG, pronation: 0 });
  truth.spine = quatSlerp(q(), IDENTITY, lean, 0.4);
  truth.chest = truth.upperChest = quatSlerp(q(), IDENTITY, lean, 0.3);
  const solver = new BodySolver({ mirror, mode, smoothing: 0 });
  const body = createEmptyBody();
  for (let f = 0; f < 20; f++) solver.solve(landmarksOf(truth), f * FRAME_MS, body);
  return { body, lean };
}

describe('composeHeadOnTorso', () => {
  for (const [label, axis] of [['forward', [1, 0, 0]], ['sideways', [0, 0, 1]], ['twisted and leaning', [0.5, 0.7, 0.5]]] as const) {
    for (const mirror of [true, false]) {
      it(`a torso leaning 20° ${label} (mirror ${mirror ? 'on' : 'off'}) with the head held level keeps a level head on the avatar (±0.5°)`, () => {
        const n = Math.hypot(...axis);
        const { body } = solvedLeaningBody([axis[0] / n, axis[1] / n, axis[2] / n], 20, mirror);
        const torso = worldRotation(body.bones, 'upperChest');
        expect(quatAngleBetween(torso, IDENTITY) / DEG).toBeCloseTo(20, 0);
        const face = createNeutralFace(); // level in the world: the face solver's head is relative to the camera
        const uncorrected = avatarHeadWorld(body.bones, face.head);
        composeHeadOnTorso(face, body);
        const head = avatarHeadWorld(body.bones, face.head);
        console.log(`lean 20° ${label}, mirror ${mirror}: avatar head ${(quatAngleBetween(uncorrected, IDENTITY) / DEG).toFixed(2)}° off level uncomposed, ${(quatAngleBetween(head, IDENTITY) / DEG).toFixed(3)}° composed`);
        expect(quatAngleBetween(uncorrected, IDENTITY) / DEG).toBeGreaterThan(19);
        expect(head).toBeCloseToQuaternion(IDENTITY, 0.5);
      });
    }
  }

  it('keeps a turned head turned by the same amount in the world, with the hips carried too (full mode)', () => {
    const { body } = solvedLeaningBody([1, 0, 0], 20, true, 'full');
    const face = createNeutralFace();
    const turned = quatFromHeadAngles([0, 0, 0, 1], 30 * DEG, -10 * DEG, 5 * DEG) as Quat;
    face.head = [...turned] as Quat;
    composeHeadOnTorso(face, body);
    expect(avatarHeadWorld(body.bones, face.head)).toBeCloseToQuaternion(turned, 0.5);
  });

  it('leaves the head alone when the body carries no torso', () => {
    const face = createNeutralFace();
    face.head = quatFromAxisAngle([0, 0, 0, 1], [0, 1, 0], 0.3) as Quat;
    const before = [...face.head];
    composeHeadOnTorso(face, createEmptyBody());
    expect(face.head).toBeCloseToQuaternion(before, 1e-9);
  });
});
