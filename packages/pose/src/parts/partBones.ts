import { BODY_PART_BONES, HUMANOID_BONE_NAMES, humanoidBoneIndex, type HumanoidBoneName } from '@rigcast/protocol';
import { RIG_PART_NAMES, RigPartName, rigPartIndex } from './RigPartName';

/**
 * The humanoid bones each part owns; every bone belongs to exactly one part. The eyes are the
 * face's (VRMLookAt turns them); the neck is the face's too, because the head's rotation is split
 * across neck and head. The body parts own what their confidence covers ({@link BODY_PART_BONES}).
 */
export const PART_BONES: Readonly<Record<RigPartName, readonly HumanoidBoneName[]>> = {
  [RigPartName.Face]: ['neck', 'head', 'leftEye', 'rightEye', 'jaw'],
  ...BODY_PART_BONES,
};

/** The wire indices of each part's bones, by part index. */
export const PART_BONE_INDICES: readonly (readonly number[])[] = RIG_PART_NAMES.map((part) => PART_BONES[part].map(humanoidBoneIndex));

/** The index of the part each bone belongs to, by wire bone index. */
export const BONE_PART_INDEX: Uint8Array = (() => {
  const table = new Uint8Array(HUMANOID_BONE_NAMES.length);
  for (const part of RIG_PART_NAMES) for (const bone of PART_BONES[part]) table[humanoidBoneIndex(bone)] = rigPartIndex(part);
  return table;
})();
