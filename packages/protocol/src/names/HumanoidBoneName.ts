/**
 * The 55 VRM 1.0 humanoid bone names, in the order the wire format's bone mask uses.
 * Reordering this list changes the wire format: bump {@link FRAME_FORMAT_VERSION} if you do.
 */
export const HumanoidBoneName = {
  Hips: 'hips',
  Spine: 'spine',
  Chest: 'chest',
  UpperChest: 'upperChest',
  Neck: 'neck',
  Head: 'head',
  LeftEye: 'leftEye',
  RightEye: 'rightEye',
  Jaw: 'jaw',
  LeftUpperLeg: 'leftUpperLeg',
  LeftLowerLeg: 'leftLowerLeg',
  LeftFoot: 'leftFoot',
  LeftToes: 'leftToes',
  RightUpperLeg: 'rightUpperLeg',
  RightLowerLeg: 'rightLowerLeg',
  RightFoot: 'rightFoot',
  RightToes: 'rightToes',
  LeftShoulder: 'leftShoulder',
  LeftUpperArm: 'leftUpperArm',
  LeftLowerArm: 'leftLowerArm',
  LeftHand: 'leftHand',
  RightShoulder: 'rightShoulder',
  RightUpperArm: 'rightUpperArm',
  RightLowerArm: 'rightLowerArm',
  RightHand: 'rightHand',
  LeftThumbMetacarpal: 'leftThumbMetacarpal',
  LeftThumbProximal: 'leftThumbProximal',
  LeftThumbDistal: 'leftThumbDistal',
  LeftIndexProximal: 'leftIndexProximal',
  LeftIndexIntermediate: 'leftIndexIntermediate',
  LeftIndexDistal: 'leftIndexDistal',
  LeftMiddleProximal: 'leftMiddleProximal',
  LeftMiddleIntermediate: 'leftMiddleIntermediate',
  LeftMiddleDistal: 'leftMiddleDistal',
  LeftRingProximal: 'leftRingProximal',
  LeftRingIntermediate: 'leftRingIntermediate',
  LeftRingDistal: 'leftRingDistal',
  LeftLittleProximal: 'leftLittleProximal',
  LeftLittleIntermediate: 'leftLittleIntermediate',
  LeftLittleDistal: 'leftLittleDistal',
  RightThumbMetacarpal: 'rightThumbMetacarpal',
  RightThumbProximal: 'rightThumbProximal',
  RightThumbDistal: 'rightThumbDistal',
  RightIndexProximal: 'rightIndexProximal',
  RightIndexIntermediate: 'rightIndexIntermediate',
  RightIndexDistal: 'rightIndexDistal',
  RightMiddleProximal: 'rightMiddleProximal',
  RightMiddleIntermediate: 'rightMiddleIntermediate',
  RightMiddleDistal: 'rightMiddleDistal',
  RightRingProximal: 'rightRingProximal',
  RightRingIntermediate: 'rightRingIntermediate',
  RightRingDistal: 'rightRingDistal',
  RightLittleProximal: 'rightLittleProximal',
  RightLittleIntermediate: 'rightLittleIntermediate',
  RightLittleDistal: 'rightLittleDistal',
} as const;
export type HumanoidBoneName = (typeof HumanoidBoneName)[keyof typeof HumanoidBoneName];

/** Every humanoid bone name, in wire order (bit i of the bone mask is entry i). */
export const HUMANOID_BONE_NAMES: readonly HumanoidBoneName[] = Object.values(HumanoidBoneName);

/** Bones that VRM 1.0 requires every humanoid to have. */
export const REQUIRED_HUMANOID_BONE_NAMES: readonly HumanoidBoneName[] = [
  'hips', 'spine', 'head',
  'leftUpperLeg', 'leftLowerLeg', 'leftFoot', 'rightUpperLeg', 'rightLowerLeg', 'rightFoot',
  'leftUpperArm', 'leftLowerArm', 'leftHand', 'rightUpperArm', 'rightLowerArm', 'rightHand',
];

const boneIndex = new Map<string, number>(HUMANOID_BONE_NAMES.map((name, i) => [name, i]));

/** True when `name` is one of the 55 VRM humanoid bone names. */
export function isHumanoidBoneName(name: string): name is HumanoidBoneName {
  return boneIndex.has(name);
}

/** The wire index of a bone name, or -1. */
export function humanoidBoneIndex(name: string): number {
  return boneIndex.get(name) ?? -1;
}
