import { BodyPartName } from './BodyPartName.js';
import type { HumanoidBoneName } from './HumanoidBoneName.js';

const FINGERS = ['Thumb', 'Index', 'Middle', 'Ring', 'Little'] as const;
const THUMB_JOINTS = ['Metacarpal', 'Proximal', 'Distal'] as const;
const FINGER_JOINTS = ['Proximal', 'Intermediate', 'Distal'] as const;

function handBones(side: 'left' | 'right'): HumanoidBoneName[] {
  const bones: string[] = [`${side}Hand`];
  for (const finger of FINGERS) for (const joint of finger === 'Thumb' ? THUMB_JOINTS : FINGER_JOINTS) bones.push(`${side}${finger}${joint}`);
  return bones as HumanoidBoneName[];
}

/**
 * The humanoid bones each body part's confidence covers (`BodyRig.confidence`): a producer that
 * sends a bone says how sure it is of that bone's part. The face's bones (neck, head, eyes, jaw)
 * are in no body part: the face's head rotation and gaze drive them.
 */
export const BODY_PART_BONES: Readonly<Record<BodyPartName, readonly HumanoidBoneName[]>> = {
  [BodyPartName.Torso]: ['hips', 'spine', 'chest', 'upperChest'],
  [BodyPartName.LeftArm]: ['leftShoulder', 'leftUpperArm', 'leftLowerArm'],
  [BodyPartName.RightArm]: ['rightShoulder', 'rightUpperArm', 'rightLowerArm'],
  [BodyPartName.LeftHand]: handBones('left'),
  [BodyPartName.RightHand]: handBones('right'),
  [BodyPartName.LeftLeg]: ['leftUpperLeg', 'leftLowerLeg', 'leftFoot', 'leftToes'],
  [BodyPartName.RightLeg]: ['rightUpperLeg', 'rightLowerLeg', 'rightFoot', 'rightToes'],
};

const partOfBone = new Map<string, BodyPartName>(
  (Object.entries(BODY_PART_BONES) as [BodyPartName, readonly HumanoidBoneName[]][]).flatMap(([part, bones]) => bones.map((bone) => [bone, part] as const)),
);

/** The body part whose confidence covers `bone`, or `null` for the face's bones (neck, head, eyes, jaw). */
export function bodyPartOfBone(bone: HumanoidBoneName): BodyPartName | null {
  return partOfBone.get(bone) ?? null;
}
