/** The parts of the body a tracker reports a confidence for, in wire order. */
export const BodyPartName = {
  Torso: 'torso',
  LeftArm: 'leftArm',
  RightArm: 'rightArm',
  LeftHand: 'leftHand',
  RightHand: 'rightHand',
  LeftLeg: 'leftLeg',
  RightLeg: 'rightLeg',
} as const;
export type BodyPartName = (typeof BodyPartName)[keyof typeof BodyPartName];

/** Every body part name, in wire order. */
export const BODY_PART_NAMES: readonly BodyPartName[] = Object.values(BodyPartName);
