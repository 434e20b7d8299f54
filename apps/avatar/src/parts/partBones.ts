import { HUMANOID_BONE_NAMES, humanoidBoneIndex, type HumanoidBoneName } from '@rigcast/protocol';
import { RIG_PART_NAMES, RigPartName, rigPartIndex } from './RigPartName';

const FINGERS = ['Thumb', 'Index', 'Middle', 'Ring', 'Little'] as const;
const THUMB_JOINTS = ['Metacarpal', 'Proximal', 'Distal'] as const;
const FINGER_JOINTS = ['Proximal', 'Intermediate', 'Distal'] as const;

function handBones(side: 'left' | 'right'): HumanoidBoneName[] {
  const bones: string[] = [`${side}Hand`];
  for (const finger of FINGERS) for (const joint of finger === 'Thumb' ? THUMB_JOINTS : FINGER_JOINTS) bones.push(`${side}${finger}${joint}`);
  return bones as HumanoidBoneName[];
}

/**
 * The humanoid bones each part owns; every bone belongs to exactly one part. The eyes are the
 * face's (VRMLookAt turns them); the neck is the face's too, because the head's rotation is split
 * across neck and head.
 */
export const PART_BONES: Readonly<Record<RigPartName, readonly HumanoidBoneName[]>> = {
  [RigPartName.Face]: ['neck', 'head', 'leftEye', 'rightEye', 'jaw'],
  [RigPartName.Torso]: ['hips', 'spine', 'chest', 'upperChest'],
  [RigPartName.LeftArm]: ['leftShoulder', 'leftUpperArm', 'leftLowerArm'],
  [RigPartName.RightArm]: ['rightShoulder', 'rightUpperArm', 'rightLowerArm'],
  [RigPartName.LeftHand]: handBones('left'),
  [RigPartName.RightHand]: handBones('right'),
  [RigPartName.LeftLeg]: ['leftUpperLeg', 'leftLowerLeg', 'leftFoot', 'leftToes'],
  [RigPartName.RightLeg]: ['rightUpperLeg', 'rightLowerLeg', 'rightFoot', 'rightToes'],
};

/** The wire indices of each part's bones, by part index. */
export const PART_BONE_INDICES: readonly (readonly number[])[] = RIG_PART_NAMES.map((part) => PART_BONES[part].map(humanoidBoneIndex));

/** The index of the part each bone belongs to, by wire bone index. */
export const BONE_PART_INDEX: Uint8Array = (() => {
  const table = new Uint8Array(HUMANOID_BONE_NAMES.length);
  for (const part of RIG_PART_NAMES) for (const bone of PART_BONES[part]) table[humanoidBoneIndex(bone)] = rigPartIndex(part);
  return table;
})();
