import '@rigcast/math/testing';
import { DEG, quatAngleBetween, seededRandom } from '@rigcast/math';
import { createEmptyBody, type HumanoidBoneName, type Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { gaussian } from '../../filters/tests/noise';
import { BodySolver } from '../BodySolver';
import { mirrorLandmarks, mirrorRotation, otherSide, randomSample } from './bodyFk';

const FRAME_MS = 1000 / 30;
const TOLERANCE_DEG = 0.5;

describe('BodySolver mirror consistency', () => {
  for (const mode of ['upper', 'full'] as const) {
    for (const mirror of [false, true]) {
      it(`${mode} mode, mirror ${mirror ? 'on' : 'off'}: solving the mirrored landmarks gives the mirrored pose, frame after frame (filters on)`, () => {
        const random = seededRandom(mode === 'upper' ? 5 : 6);
        const noise = gaussian(9);
        const solver = new BodySolver({ mode, mirror });
        const mirrored = new BodySolver({ mode, mirror });
        const body = createEmptyBody();
        const other = createEmptyBody();
        let worst = 0;
        let compared = 0;
        // Random poses held for a few frames each with landmark noise: the filters, gates and
        // blends all run, on both sides.
        for (let frame = 0, sample = randomSample(random, mode, 0.004, noise); frame < 600; frame++) {
          if (frame % 6 === 0) sample = randomSample(random, mode, 0.004, noise);
          solver.solve(sample.result, frame * FRAME_MS, body);
          mirrored.solve(mirrorLandmarks(sample.result), frame * FRAME_MS, other);
          expect(Object.keys(other.bones).sort()).toEqual(Object.keys(body.bones).sort());
          for (const [bone, q] of Object.entries(body.bones) as [HumanoidBoneName, Quat][]) {
            worst = Math.max(worst, quatAngleBetween(other.bones[otherSide(bone)]!, mirrorRotation(q)) / DEG);
            compared++;
          }
          expect(other.confidence.leftArm).toBeCloseTo(body.confidence.rightArm, 9);
          expect(other.confidence.torso).toBeCloseTo(body.confidence.torso, 9);
        }
        console.log(`mirror consistency, ${mode} mode, mirror ${mirror}: worst ${worst.toFixed(4)}° over ${compared} bone rotations`);
        expect(compared).toBeGreaterThanOrEqual(600 * 9);
        expect(worst).toBeLessThanOrEqual(TOLERANCE_DEG);
      });
    }
  }

  it('mirror on puts the subject’s right arm on the avatar’s left', () => {
    const random = seededRandom(3);
    const sample = randomSample(random, 'upper');
    const off = createEmptyBody();
    const on = createEmptyBody();
    const a = new BodySolver({ mirror: false, smoothing: 0 });
    const b = new BodySolver({ mirror: true, smoothing: 0 });
    for (const t of [0, 1000]) {
      a.solve(sample.result, t, off);
      b.solve(sample.result, t, on);
    }
    expect(on.bones.leftUpperArm).toBeCloseToQuaternion(mirrorRotation(off.bones.rightUpperArm!), 1e-6);
    expect(on.bones.spine).toBeCloseToQuaternion(mirrorRotation(off.bones.spine!), 1e-6);
  });
});
