import { ARKIT_BLENDSHAPE_NAMES } from '@rigcast/protocol';
import type { Skeleton } from '../rig/Skeleton';
import { EXPRESSION_PRESETS, MORPH_NAMES, type MorphName } from './expressionPresets';

/** Avatar metadata written into `VRMC_vrm.meta`. */
export const AVATAR_META = {
  name: 'rigcast default',
  version: '1.0.0',
  authors: ['rigcast'],
  licenseUrl: 'https://vrm.dev/licenses/1.0/',
  otherLicenseUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
} as const;

export interface VrmExtensionInput {
  skeleton: Skeleton;
  /** glTF node index of each bone, by skeleton index. */
  boneNodes: readonly number[];
  /** glTF node index of the skinned mesh (every morph target lives on it). */
  meshNode: number;
  thumbnailImage: number;
}

function expression(binds: Partial<Record<MorphName, number>>, meshNode: number, overrideBlink = 'none', overrideMouth = 'none') {
  return {
    morphTargetBinds: Object.entries(binds).map(([name, weight]) => ({ node: meshNode, index: MORPH_NAMES.indexOf(name as MorphName), weight })),
    isBinary: false,
    overrideBlink,
    overrideLookAt: 'none',
    overrideMouth,
  };
}

/** The `VRMC_vrm` 1.0 extension: meta (CC0-like), humanoid, first person, bone look-at, expressions. */
export function createVrmExtension(input: VrmExtensionInput): Record<string, unknown> {
  const humanBones: Record<string, { node: number }> = {};
  input.skeleton.bones.forEach((b, i) => {
    if (b.humanoid) humanBones[b.humanoid] = { node: input.boneNodes[i] };
  });
  const preset: Record<string, unknown> = {};
  for (const [name, recipe] of Object.entries(EXPRESSION_PRESETS)) {
    preset[name] = expression(recipe.morphs, input.meshNode, recipe.overrideBlink, recipe.overrideMouth);
  }
  const custom: Record<string, unknown> = {};
  for (const name of ARKIT_BLENDSHAPE_NAMES) custom[name] = expression({ [name]: 1 }, input.meshNode);
  return {
    specVersion: '1.0',
    meta: {
      ...AVATAR_META,
      authors: [...AVATAR_META.authors],
      copyrightInformation: 'rigcast contributors, dedicated to the public domain (CC0 1.0)',
      thumbnailImage: input.thumbnailImage,
      avatarPermission: 'everyone',
      allowExcessivelyViolentUsage: false,
      allowExcessivelySexualUsage: false,
      commercialUsage: 'corporation',
      allowPoliticalOrReligiousUsage: true,
      allowAntisocialOrHateUsage: false,
      creditNotation: 'unnecessary',
      allowRedistribution: true,
      modification: 'allowModificationRedistribution',
    },
    humanoid: { humanBones },
    firstPerson: { meshAnnotations: [{ node: input.meshNode, type: 'auto' }] },
    lookAt: {
      offsetFromHeadBone: [0, 0.105, 0.07],
      type: 'bone',
      // The eye bones sit 9 cm behind the face: these few degrees slide the irises about 8 mm.
      rangeMapHorizontalInner: { inputMaxValue: 90, outputScale: 5.5 },
      rangeMapHorizontalOuter: { inputMaxValue: 90, outputScale: 5.5 },
      rangeMapVerticalDown: { inputMaxValue: 90, outputScale: 4 },
      rangeMapVerticalUp: { inputMaxValue: 90, outputScale: 4 },
    },
    expressions: { preset, custom },
  };
}
