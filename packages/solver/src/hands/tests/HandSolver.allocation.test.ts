import { DEG, quatFromAxisAngle } from '@rigcast/math';
import { createEmptyBody, type BodyRig, type Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { bytesPerCall, retainedBytes } from '../../../../../test/support/allocation';
import { OPEN_HAND_FIXTURE_PATH, THUMBS_UP_HAND_FIXTURE_PATH, loadHandFixture } from '../../fixture/loadHandFixture';
import { addHandBones } from '../addHandBones';
import { HandSolver } from '../HandSolver';
import { handBoneNames } from '../HandState';
import { armChain } from './handFk';

const FRAME_MS = 1000 / 30;
const MEASURED_CALLS = 1000;
const ARM: Quat = quatFromAxisAngle([0, 0, 0, 1], [0, 0, 1], -60 * DEG);
// Both real recordings back to back: one or no hand, held, lost and found again, pose wrists on and off.
const frames = [...loadHandFixture(THUMBS_UP_HAND_FIXTURE_PATH).frames, ...loadHandFixture(OPEN_HAND_FIXTURE_PATH).frames];
const arms = armChain({ left: ARM, right: ARM });

function solveInto(body: BodyRig, withArms: boolean): (i: number) => void {
  const solver = new HandSolver();
  return (i) => {
    const frame = frames[i % frames.length];
    // The body solver writes the lowerArms before the hands, every frame.
    body.bones.leftLowerArm![3] = 1;
    body.bones.rightLowerArm![3] = 1;
    solver.solve(frame.result, i * FRAME_MS, body, withArms ? arms : null, frame.poseWrists);
  };
}

function rig(): BodyRig {
  const body = addHandBones(createEmptyBody());
  body.bones.leftLowerArm = [0, 0, 0, 1];
  body.bones.rightLowerArm = [0, 0, 0, 1];
  return body;
}

describe('HandSolver per-frame allocation', () => {
  it('creates no objects or arrays per frame: it allocates no more than writing its output costs', async () => {
    // Writing fractional numbers into a BodyRig's confidence record may box them (16 B each): the
    // price of the output format, measured as the baseline.
    const written = rig();
    const names = [...handBoneNames('left'), ...handBoneNames('right')];
    const writeOnly = (i: number): void => {
      for (let k = 0; k < names.length; k++) {
        const bone = written.bones[names[k]]!;
        bone[0] = ((i + k) % 97) / 97 + 1e-3; bone[1] = 0.1; bone[2] = 0.2; bone[3] = 0.9;
      }
      written.confidence.leftHand = (i % 89) / 89 + 1e-3;
      written.confidence.rightHand = (i % 83) / 83 + 1e-3;
    };
    const baseline = await bytesPerCall(writeOnly, MEASURED_CALLS);
    const withArms = await bytesPerCall(solveInto(rig(), true), MEASURED_CALLS);
    const handsOnly = await bytesPerCall(solveInto(rig(), false), MEASURED_CALLS);
    console.log(`per frame (${frames.length} real frames looped): solve with an arm chain ${withArms.toFixed(0)} B, without ${handsOnly.toFixed(0)} B, writing the BodyRig alone ${baseline.toFixed(0)} B`);
    // Beyond the output, only numbers boxed at call boundaries the JIT did not inline (16 B each; a
    // few per hand, up to two hands a frame, more under vitest's module transform than in a bundle).
    // A copied landmark list would be ≥ 500 B, the fitter's scratch (normal equations) 5 KB.
    expect(withArms - baseline).toBeLessThan(256);
    expect(handsOnly - baseline).toBeLessThan(256);
  }, 30_000);

  it('retains nothing: the heap after 10,000 solves and a GC is where it started', () => {
    const growth = retainedBytes(solveInto(rig(), true), 10_000);
    console.log(`retained after 10,000 solves: ${growth} B`);
    // Keeping even one boxed number per frame would retain ≥ 160 KB.
    expect(growth).toBeLessThan(64 * 1024);
  }, 30_000);
});
