import { quatInverseMultiply, quatMultiply } from '@rigcast/math';
import type { BodyRig, FaceRig, HumanoidBoneName } from '@rigcast/protocol';
import { quatBuffer } from './quatBuffer';

const TORSO_CHAIN: readonly HumanoidBoneName[] = ['hips', 'spine', 'chest', 'upperChest'];
const _torso = quatBuffer();

/**
 * Re-expresses the face's head rotation relative to the torso the body carries, in place, so the
 * head is not rotated twice. The face solver gives the head relative to the camera (after
 * calibration); the avatar puts `face.head` under its neck, below hips · spine · chest ·
 * upperChest. With `torso` that product (bones the body does not carry count as identity),
 * `face.head` becomes `torso⁻¹ · face.head`: a person who leans 20° with their head held level
 * keeps a level head on the avatar. Both rigs must be in the same output space (both solvers
 * mirror the same way). Call it once per frame, after both solvers ran and before sending.
 * @example
 * faceSolver.solve(faceResult, now, w, h, frame.face);
 * bodySolver.solve(poseResult, now, frame.body);
 * composeHeadOnTorso(frame.face, frame.body);
 */
export function composeHeadOnTorso(face: FaceRig, body: BodyRig): FaceRig {
  _torso[0] = 0; _torso[1] = 0; _torso[2] = 0; _torso[3] = 1;
  for (let i = 0; i < TORSO_CHAIN.length; i++) {
    const bone = body.bones[TORSO_CHAIN[i]];
    if (bone !== undefined) quatMultiply(_torso, _torso, bone);
  }
  quatInverseMultiply(face.head, _torso, face.head);
  return face;
}
