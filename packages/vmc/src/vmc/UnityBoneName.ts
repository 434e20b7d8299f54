import { HUMANOID_BONE_NAMES, type HumanoidBoneName } from '@rigcast/protocol';

/**
 * Where Unity's `HumanBodyBones` (and VRM 0.x) name the thumb differently from VRM 1.0. Unity
 * counts the thumb's three bones from the hand as Proximal, Intermediate and Distal; VRM 1.0 calls
 * the same three Metacarpal, Proximal and Distal. So Unity's `LeftThumbProximal` is VRM 1.0's
 * `leftThumbMetacarpal`, and `LeftThumbIntermediate` is `leftThumbProximal`.
 */
export const UNITY_THUMB_NAMES: Readonly<Partial<Record<HumanoidBoneName, string>>> = {
  leftThumbMetacarpal: 'LeftThumbProximal',
  leftThumbProximal: 'LeftThumbIntermediate',
  leftThumbDistal: 'LeftThumbDistal',
  rightThumbMetacarpal: 'RightThumbProximal',
  rightThumbProximal: 'RightThumbIntermediate',
  rightThumbDistal: 'RightThumbDistal',
};

/**
 * The name VMC's `/VMC/Ext/Bone/Pos` uses for each VRM 1.0 humanoid bone: Unity's
 * `HumanBodyBones`. Both sets are the same 55 bones: every name but the thumbs'
 * ({@link UNITY_THUMB_NAMES}) is the VRM name with its first letter capitalized
 * (`leftUpperArm` → `LeftUpperArm`, `upperChest` → `UpperChest`).
 */
export const UNITY_BONE_NAMES: Readonly<Record<HumanoidBoneName, string>> = Object.fromEntries(
  HUMANOID_BONE_NAMES.map((bone) => [bone, UNITY_THUMB_NAMES[bone] ?? bone[0].toUpperCase() + bone.slice(1)]),
) as Record<HumanoidBoneName, string>;

/** Unity's bone names in VRM wire order: entry i names {@link HUMANOID_BONE_NAMES}[i]. */
export const UNITY_BONE_NAMES_IN_WIRE_ORDER: readonly string[] = HUMANOID_BONE_NAMES.map((bone) => UNITY_BONE_NAMES[bone]);
