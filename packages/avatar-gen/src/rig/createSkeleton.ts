import type { HumanoidBoneName } from '@rigcast/protocol';
import { headSurfaceAt } from '../face/headShape';
import { type Vec3, madd } from '../mesh/vec3';
import { BODY } from './BODY';
import { Skeleton } from './Skeleton';

type Side = 'left' | 'right';
const SIDES: readonly Side[] = ['left', 'right'];
/** The avatar's left is +X. */
export const sideSign = (side: Side): number => (side === 'left' ? 1 : -1);

/** Finger chain lengths (proximal, intermediate, distal, tip) and their Z offset on the hand. */
export const FINGERS = {
  Index: { z: 0.027, lengths: [0.03, 0.02, 0.017] },
  Middle: { z: 0.0085, lengths: [0.033, 0.022, 0.018] },
  Ring: { z: -0.01, lengths: [0.03, 0.02, 0.017] },
  Little: { z: -0.028, lengths: [0.024, 0.016, 0.014] },
} as const;
export type FingerName = keyof typeof FINGERS;
export const FINGER_NAMES = Object.keys(FINGERS) as FingerName[];
/** Where the fingers start, measured along the hand from the wrist. */
const FINGER_ROOT_X = 0.077;
/** Thumb joints relative to the hand (metacarpal, proximal, distal, tip) on the left side. */
export const THUMB_JOINTS: readonly Vec3[] = [
  [0.012, -0.008, 0.022],
  [0.034, -0.012, 0.045],
  [0.054, -0.013, 0.06],
  [0.07, -0.013, 0.071],
];

const hb = (name: string): HumanoidBoneName => name as HumanoidBoneName;

/**
 * The T-pose skeleton: every VRM 1.0 humanoid bone except jaw, facing +Z, the avatar's left at +X,
 * nodes with translations only.
 */
export function createSkeleton(): Skeleton {
  const s = new Skeleton();
  const B = BODY;
  s.add('hips', null, [0, B.hipsY, 0], 'hips');
  s.add('spine', 'hips', [0, 0.87, 0.0], 'spine');
  s.add('chest', 'spine', [0, 0.96, 0.0], 'chest');
  s.add('upperChest', 'chest', [0, 1.04, 0.0], 'upperChest');
  s.add('neck', 'upperChest', [0, 1.135, -0.005], 'neck');
  s.add('head', 'neck', [0, B.headY, 0], 'head');
  for (const side of SIDES) {
    // Behind the eye along the face's normal, so that turning the eye slides the iris along the face.
    const { position, normal } = headSurfaceAt(sideSign(side) * B.eyeX, B.eyeY);
    s.add(`${side}Eye`, 'head', madd(position, normal, -B.eyeDepth), hb(`${side}Eye`));
  }
  for (const side of SIDES) {
    const k = sideSign(side);
    s.add(`${side}UpperLeg`, 'hips', [k * B.legX, 0.74, 0], hb(`${side}UpperLeg`));
    s.add(`${side}LowerLeg`, `${side}UpperLeg`, [k * B.legX, B.kneeY, 0.0], hb(`${side}LowerLeg`));
    s.add(`${side}Foot`, `${side}LowerLeg`, [k * B.legX, B.ankleY, -0.01], hb(`${side}Foot`));
    s.add(`${side}Toes`, `${side}Foot`, [k * B.legX, 0.02, 0.085], hb(`${side}Toes`));
  }
  for (const side of SIDES) {
    const k = sideSign(side);
    s.add(`${side}Shoulder`, 'upperChest', [k * 0.02, 1.1, -0.005], hb(`${side}Shoulder`));
    s.add(`${side}UpperArm`, `${side}Shoulder`, [k * 0.095, B.shoulderY, -0.005], hb(`${side}UpperArm`));
    s.add(`${side}LowerArm`, `${side}UpperArm`, [k * B.elbowX, B.shoulderY, -0.008], hb(`${side}LowerArm`));
    s.add(`${side}Hand`, `${side}LowerArm`, [k * B.wristX, B.shoulderY, -0.005], hb(`${side}Hand`));
    const hand = s.position(`${side}Hand`);
    const thumbNames = ['ThumbMetacarpal', 'ThumbProximal', 'ThumbDistal'];
    thumbNames.forEach((n, i) => {
      const o = THUMB_JOINTS[i];
      s.add(`${side}${n}`, i === 0 ? `${side}Hand` : `${side}${thumbNames[i - 1]}`, [hand[0] + k * o[0], hand[1] + o[1], hand[2] + o[2]], hb(`${side}${n}`));
    });
    for (const finger of FINGER_NAMES) {
      const f = FINGERS[finger];
      let x = FINGER_ROOT_X;
      const names = ['Proximal', 'Intermediate', 'Distal'].map((seg) => `${side}${finger}${seg}`);
      names.forEach((n, i) => {
        s.add(n, i === 0 ? `${side}Hand` : names[i - 1], [hand[0] + k * x, hand[1] - 0.002, hand[2] + f.z], hb(n));
        x += f.lengths[i];
      });
    }
  }
  return s;
}

