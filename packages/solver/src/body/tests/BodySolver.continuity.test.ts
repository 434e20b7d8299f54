import { DEG, quatAngleBetween, quatRotateVec3, vec3AngleBetween } from '@rigcast/math';
import { createEmptyBody, type HumanoidBoneName, type Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { gaussian } from '../../filters/tests/noise';
import { BodySolver } from '../BodySolver';
import { BodySide } from '../BodySide';
import { landmarksOf, poseArmAngles, worldRotation, type ArmAngles, type BonePose } from './bodyFk';

const FRAME_MS = 1000 / 30;
const MAX_JUMP_DEG = 30;
const NOISE_METRES = 0.003;

/** Keyframes of the left arm's angles (degrees), visited in turn with a cosine ease, `frames` apart. */
type Key = { [K in keyof ArmAngles]: number };

function trajectory(keys: readonly Key[], frames: number): ArmAngles[] {
  const out: ArmAngles[] = [];
  for (let k = 0; k + 1 < keys.length; k++) {
    for (let f = 0; f < frames; f++) {
      const t = (1 - Math.cos((Math.PI * f) / frames)) / 2;
      const a = keys[k], b = keys[k + 1];
      const mix = (name: keyof ArmAngles) => (a[name] + (b[name] - a[name]) * t) * DEG;
      out.push({ elevation: mix('elevation'), azimuth: mix('azimuth'), twist: mix('twist'), bend: mix('bend'), pronation: mix('pronation') });
    }
  }
  return out;
}

const key = (elevation: number, azimuth: number, bend: number, twist = 0): Key => ({ elevation, azimuth, twist, bend, pronation: 0 });

/** The hard cases, on the subject's left arm (the right one hangs at rest, the torso leans a little). */
const CASES: Record<string, Key[]> = {
  'a straight arm sweeping from down, out, forward and up to across the body': [
    key(-70, 0, 3, 20), key(0, 0, 3, 20), key(0, 90, 2, 20), key(80, 90, 2, 20), key(10, 130, 3, 20),
  ],
  'an arm pointing at the camera, straightening and bending again': [
    key(-60, 30, 90), key(0, 90, 2), key(5, 88, 1), key(0, 90, 90), key(-40, 60, 120),
  ],
  'an arm crossing the body, bent and straight': [
    key(-20, 20, 70), key(-20, 135, 70), key(-10, 135, 5), key(-20, 60, 5), key(-30, 10, 80),
  ],
  'an elbow straightening while the upper arm turns, then bending the other way round': [
    key(-30, 40, 60, 40), key(-30, 40, 0, 40), key(-30, 40, 0, -40), key(-30, 40, 60, -40),
  ],
};

function basePose(): BonePose {
  const pose: BonePose = {};
  poseArmAngles(pose, BodySide.Right, { elevation: -70 * DEG, azimuth: 10 * DEG, twist: 0, bend: 10 * DEG, pronation: 0 });
  const lean: Quat = [Math.sin(4 * DEG), 0, 0, Math.cos(4 * DEG)];
  pose.spine = pose.chest = pose.upperChest = lean;
  return pose;
}

function direction(pose: BonePose, bone: HumanoidBoneName): Float64Array {
  return quatRotateVec3(new Float64Array(3), worldRotation(pose, bone), [1, 0, 0]);
}

describe('BodySolver continuity through the hard cases', () => {
  for (const [name, keys] of Object.entries(CASES)) {
    for (const smoothing of [0, 0.5]) {
      it(`${name} (smoothing ${smoothing}): no frame-to-frame jump above ${MAX_JUMP_DEG}°, and the arm follows`, () => {
        const solver = new BodySolver({ mirror: false, smoothing });
        const body = createEmptyBody();
        const noise = gaussian(21);
        const previous = new Map<string, Quat>();
        let maxJump = 0;
        let worstJumpBone = '';
        let maxDirectionError = 0;
        trajectory(keys, 30).forEach((angles, frame) => {
          const pose = basePose();
          poseArmAngles(pose, BodySide.Left, angles);
          solver.solve(landmarksOf(pose, NOISE_METRES, noise), frame * FRAME_MS, body);
          for (const [bone, q] of Object.entries(body.bones) as [HumanoidBoneName, Quat][]) {
            expect(q.every(Number.isFinite)).toBe(true);
            const last = previous.get(bone);
            if (last) {
              const jump = quatAngleBetween(last, q) / DEG;
              if (jump > maxJump) [maxJump, worstJumpBone] = [jump, bone];
            }
            previous.set(bone, [q[0], q[1], q[2], q[3]]);
          }
          // After the blend-in, where the upper and lower arm point in the world follows the truth.
          if (frame >= 15) {
            for (const bone of ['leftUpperArm', 'leftLowerArm'] as const) {
              const error = vec3AngleBetween(direction(body.bones as BonePose, bone), direction(pose, bone)) / DEG;
              maxDirectionError = Math.max(maxDirectionError, error);
            }
          }
        });
        console.log(`${name}, smoothing ${smoothing}: largest jump ${maxJump.toFixed(1)}° (${worstJumpBone}), worst arm direction ${maxDirectionError.toFixed(1)}°`);
        expect(maxJump).toBeLessThanOrEqual(MAX_JUMP_DEG);
        expect(maxDirectionError).toBeLessThan(smoothing === 0 ? 6 : 15);
      });
    }
  }
});
