import { createSkeleton } from '@rigcast/avatar-gen/rig';
import { HUMANOID_BONE_NAMES, humanoidBoneIndex } from '@rigcast/protocol';

/**
 * Each humanoid bone's rest offset from its parent bone, in metres, in rigcast space, 3 floats
 * per bone in wire order ({@link HUMANOID_BONE_NAMES}): the default avatar's T-pose skeleton
 * (`@rigcast/avatar-gen`). The hips' offset is from the model's origin (its height). Bones that
 * avatar lacks (the jaw) get zero.
 *
 * A VMC performer sends every bone's local position along with its rotation: its own avatar's
 * proportions. rigcast frames carry rotations only, so `out` sends the proportions of the avatar
 * rigcast shows by default. Receivers that apply only rotations (VSeeFace, Warudo, VNyan by
 * default) ignore them; one that applies positions (EVMC4U's BonePositionSynchronize) takes the
 * default avatar's proportions, so turn that off there.
 */
export function defaultRestOffsets(): Float64Array {
  const skeleton = createSkeleton();
  const offsets = new Float64Array(HUMANOID_BONE_NAMES.length * 3);
  for (const bone of skeleton.bones) {
    if (!bone.humanoid) continue;
    const parent = bone.parent >= 0 ? skeleton.bones[bone.parent].position : [0, 0, 0];
    const i = humanoidBoneIndex(bone.humanoid) * 3;
    for (let k = 0; k < 3; k++) offsets[i + k] = bone.position[k] - parent[k];
  }
  return offsets;
}
