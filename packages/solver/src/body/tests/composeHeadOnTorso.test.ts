import '@rigcast/math/testing';
import { DEG, quatAngleBetween, quatFromAxisAngle, quatFromHeadAngles, quatSlerp } from '@rigcast/math';
import { NECK_SHARE, createEmptyBody, createNeutralFace, type Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { BodySolver } from '../BodySolver';
import { BodySide } from '../BodySide';
import { composeHeadOnTorso } from '../composeHeadOnTorso';
import { landmarksOf, leanUpperBody, poseArmAngles, worldRotation, type BonePose } from './bodyFk';

const FRAME_MS = 1000 / 30;
const IDENTITY: Quat = [0, 0, 0, 1];
const q = (): Quat => [0, 0, 0, 1];

/** The avatar's head in the world after applying the body's torso and then the face's head (split over neck and head). */
function avatarHeadWorld(body: BonePose, faceHead: Quat): Quat {
  const pose: BonePose = { ...body, neck: quatSlerp(q(), IDENTITY, faceHead, NECK_SHARE), head: quatSlerp(q(), IDENTITY, faceHead, 1 - NECK_SHARE) };
  return worldRotation(pose, 'head');
}

/** A body leaning by `twist`, `sideBend` and forward `flexion` (degrees), solved from its landmarks. */
function solvedLeaningBody(twist: number, sideBend: number, flexion: number, mirror: boolean, mode: 'upper' | 'full' = 'upper') {
  const arms: BonePose = {};
  poseArmAngles(arms, BodySide.Left, { elevation: -60 * DEG, azimuth: 20 * DEG, twist: 0, bend: 40 * DEG, pronation: 0 });
  poseArmAngles(arms, BodySide.Right, { elevation: -60 * DEG, azimuth: 20 * DEG, twist: 0, bend: 40 * DEG, pronation: 0 });
  const { subject } = leanUpperBody(arms, twist * DEG, sideBend * DEG, flexion * DEG);
  const solver = new BodySolver({ mirror, mode, smoothing: 0 });
  const body = createEmptyBody();
  for (let f = 0; f < 30; f++) solver.solve(landmarksOf(subject), f * FRAME_MS, body);
  return { body, lean: worldRotation(subject, 'upperChest') };
}

describe('composeHeadOnTorso', () => {
  for (const [label, twist, sideBend, flexion] of [['forward', 0, 0, 20], ['sideways', 0, 20, 0], ['forward, sideways and twisted', 10, 10, 14]] as const) {
    for (const mirror of [true, false]) {
      it(`a torso leaning ${label} (mirror ${mirror ? 'on' : 'off'}) with the head held level keeps a level head on the avatar (±0.5°)`, () => {
        const { body, lean } = solvedLeaningBody(twist, sideBend, flexion, mirror);
        const torso = worldRotation(body.bones, 'upperChest');
        const leanDeg = quatAngleBetween(torso, IDENTITY) / DEG;
        expect(leanDeg).toBeCloseTo(quatAngleBetween(lean, IDENTITY) / DEG, 0);
        expect(leanDeg).toBeGreaterThan(19);
        const face = createNeutralFace(); // level in the world: the face solver's head is relative to the camera
        const uncorrected = avatarHeadWorld(body.bones, face.head);
        composeHeadOnTorso(face, body);
        const head = avatarHeadWorld(body.bones, face.head);
        console.log(`torso leaning ${leanDeg.toFixed(1)}° ${label}, mirror ${mirror}: avatar head ${(quatAngleBetween(uncorrected, IDENTITY) / DEG).toFixed(2)}° off level uncomposed, ${(quatAngleBetween(head, IDENTITY) / DEG).toFixed(3)}° composed`);
        expect(quatAngleBetween(uncorrected, IDENTITY) / DEG).toBeGreaterThan(19);
        expect(head).toBeCloseToQuaternion(IDENTITY, 0.5);
      });
    }
  }

  it('keeps a turned head turned by the same amount in the world, with the hips carried too (full mode)', () => {
    const { body } = solvedLeaningBody(0, 0, 20, true, 'full');
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
