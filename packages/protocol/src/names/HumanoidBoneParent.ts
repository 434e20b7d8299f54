import type { HumanoidBoneName } from './HumanoidBoneName.js';

type Side = 'left' | 'right';
type SidedBones<S extends Side> = Extract<HumanoidBoneName, `${S}${string}`>;

function side<S extends Side>(s: S): Record<SidedBones<S>, HumanoidBoneName> {
  const b = (name: string) => `${s}${name}` as HumanoidBoneName;
  const parents: Record<string, HumanoidBoneName> = {
    [b('Eye')]: 'head',
    [b('UpperLeg')]: 'hips',
    [b('LowerLeg')]: b('UpperLeg'),
    [b('Foot')]: b('LowerLeg'),
    [b('Toes')]: b('Foot'),
    [b('Shoulder')]: 'upperChest',
    [b('UpperArm')]: b('Shoulder'),
    [b('LowerArm')]: b('UpperArm'),
    [b('Hand')]: b('LowerArm'),
    [b('ThumbMetacarpal')]: b('Hand'),
    [b('ThumbProximal')]: b('ThumbMetacarpal'),
    [b('ThumbDistal')]: b('ThumbProximal'),
  };
  for (const finger of ['Index', 'Middle', 'Ring', 'Little']) {
    parents[b(`${finger}Proximal`)] = b('Hand');
    parents[b(`${finger}Intermediate`)] = b(`${finger}Proximal`);
    parents[b(`${finger}Distal`)] = b(`${finger}Intermediate`);
  }
  return parents as Record<SidedBones<S>, HumanoidBoneName>;
}

/**
 * Each humanoid bone's parent in the VRM 1.0 humanoid (`null` for hips), by the specification's
 * hierarchy. A model may lack optional bones (chest, upperChest, neck, shoulders, toes, fingers):
 * a bone's nearest present ancestor is then found by walking up this map.
 */
export const HUMANOID_BONE_PARENT: Readonly<Record<HumanoidBoneName, HumanoidBoneName | null>> = {
  hips: null,
  spine: 'hips',
  chest: 'spine',
  upperChest: 'chest',
  neck: 'upperChest',
  head: 'neck',
  jaw: 'head',
  ...side('left'),
  ...side('right'),
};
