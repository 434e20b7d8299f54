/**
 * kalidokit's `Pose.solve`, applied the way its own VRM demo applies it (docs/script.js of
 * yeemachine/kalidokit: `rigRotation(name, euler, dampener)` on a VRM 0.x model), and converted
 * to our convention — the baseline the body solver is compared with.
 *
 * Mapping, as in the demo:
 * - each output is an Euler angle triple (radians), turned into a quaternion with three.js's
 *   default `XYZ` order (q = qx · qy · qz) after multiplying by the demo's dampener;
 * - hips = `Hips.rotation` × 0.7; spine = `Spine` × 0.45; chest = `Spine` × 0.25 (no upperChest);
 *   upper/lower arms and legs = their outputs × 1; `RightUpperArm` goes on the VRM's right upper
 *   arm and so on (its "Right" is computed from MediaPipe's LEFT landmarks: the demo is a mirror);
 * - the demo's VRM 0.x model faces −Z, ours +Z (VRM 1.0): a rotation's x and z are negated
 *   (BODY.md, and three-vrm's `VRMUtils.rotateVRM0`);
 * - the demo's per-frame slerp of 0.3 (its smoothing) is left out: poses here are scored one by
 *   one, after it would have converged.
 */
import { Pose } from 'kalidokit/dist/kalidokit.es.js';
import type { HumanoidBoneName, Quat } from '@rigcast/protocol';
import type { PoseLandmarkLike, PoseLandmarkerResultLike } from '../PoseLandmarkerResultLike';
import type { BonePose } from './bodyFk';

interface Euler {
  x: number;
  y: number;
  z: number;
}

/** three.js `Quaternion.setFromEuler` for order XYZ, then VRM 0.x → VRM 1.0 (x and z negated). */
function fromDemoEuler(e: Euler | undefined, dampener = 1): Quat {
  if (!e) return [0, 0, 0, 1];
  const c1 = Math.cos((e.x * dampener) / 2), c2 = Math.cos((e.y * dampener) / 2), c3 = Math.cos((e.z * dampener) / 2);
  const s1 = Math.sin((e.x * dampener) / 2), s2 = Math.sin((e.y * dampener) / 2), s3 = Math.sin((e.z * dampener) / 2);
  const x = s1 * c2 * c3 + c1 * s2 * s3;
  const y = c1 * s2 * c3 - s1 * c2 * s3;
  const z = c1 * c2 * s3 + s1 * s2 * c3;
  const w = c1 * c2 * c3 - s1 * s2 * s3;
  return [-x, y, -z, w];
}

const copy = (points: readonly PoseLandmarkLike[]) => points.map((p) => ({ x: p.x, y: p.y, z: p.z, visibility: p.visibility ?? 1 }));

/** Size of the synthetic image the landmarks were projected into (kalidokit wants one). */
export const KALIDOKIT_IMAGE_SIZE = { width: 1000, height: 1000 };

/**
 * The pose kalidokit's demo would put on the avatar for `result` (mirrored view: the subject's
 * left arm drives the avatar's right), or null when kalidokit returns nothing. kalidokit mutates
 * its input, so it gets copies.
 */
export function kalidokitPose(result: PoseLandmarkerResultLike, enableLegs: boolean): BonePose | null {
  const rig = Pose.solve(copy(result.worldLandmarks[0]), copy(result.landmarks[0]), { runtime: 'mediapipe', imageSize: KALIDOKIT_IMAGE_SIZE, enableLegs });
  if (!rig) return null;
  const pose: BonePose = {
    hips: fromDemoEuler(rig.Hips.rotation, 0.7),
    spine: fromDemoEuler(rig.Spine, 0.45),
    chest: fromDemoEuler(rig.Spine, 0.25),
  };
  const limbs: [keyof typeof rig, HumanoidBoneName][] = [
    ['RightUpperArm', 'rightUpperArm'], ['RightLowerArm', 'rightLowerArm'],
    ['LeftUpperArm', 'leftUpperArm'], ['LeftLowerArm', 'leftLowerArm'],
    ['RightUpperLeg', 'rightUpperLeg'], ['RightLowerLeg', 'rightLowerLeg'],
    ['LeftUpperLeg', 'leftUpperLeg'], ['LeftLowerLeg', 'leftLowerLeg'],
  ];
  for (const [key, bone] of limbs) pose[bone] = fromDemoEuler(rig[key] as Euler);
  return pose;
}
