import { DEG, quatFromAxisAngle } from '@rigcast/math';
import { createEmptyBody, createNeutralFrame, decodeFrame, encodeFrame, type HumanoidBoneName, type Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { HandSolver } from '../HandSolver';
import { FIST, OPEN_HAND, armChain, handResult } from './handFk';

/** The wire limit for one frame with everything on. */
const MAX_FRAME_BYTES = 512;
/**
 * The bones the body solver writes in its `full` mode (torso, shoulders, arms, legs and feet;
 * packages/solver/src/body on feat/body-solver), plus the neck, should the head ever be split.
 */
const FULL_BODY_BONES: readonly HumanoidBoneName[] = [
  'hips', 'spine', 'chest', 'upperChest', 'neck',
  'leftShoulder', 'leftUpperArm', 'leftLowerArm', 'rightShoulder', 'rightUpperArm', 'rightLowerArm',
  'leftUpperLeg', 'leftLowerLeg', 'leftFoot', 'rightUpperLeg', 'rightLowerLeg', 'rightFoot',
];

describe('wire size', () => {
  it(`a frame with the face, the full body and both hands stays within ${MAX_FRAME_BYTES} bytes`, () => {
    const frame = createNeutralFrame(1, 1000);
    const body = createEmptyBody();
    const turned: Quat = quatFromAxisAngle([0, 0, 0, 1], [0.6, 0.8, 0], 20 * DEG);
    for (const bone of FULL_BODY_BONES) body.bones[bone] = [...turned];
    const arm: Quat = quatFromAxisAngle([0, 0, 0, 1], [0, 0, 1], -60 * DEG);
    new HandSolver().solve(
      handResult([{ side: 'left', pose: FIST, lowerArmWorld: arm }, { side: 'right', pose: OPEN_HAND, lowerArmWorld: arm }], true),
      0,
      body,
      armChain({ left: arm, right: arm }),
    );
    frame.body = body;
    const bytes = encodeFrame(frame);
    const bones = Object.keys(body.bones).length;
    console.log(`face + ${FULL_BODY_BONES.length} body bones + ${bones - FULL_BODY_BONES.length} hand bones: ${bytes.length} B (header 14 + face 86 + body 14 + ${bones} × 6)`);
    expect(bones).toBe(FULL_BODY_BONES.length + 32);
    expect(bytes.length).toBe(14 + 86 + 14 + bones * 6);
    expect(bytes.length).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    // The hands come back out: decoding is validation too.
    expect(Object.keys(decodeFrame(bytes).body!.bones)).toHaveLength(bones);
  });
});
