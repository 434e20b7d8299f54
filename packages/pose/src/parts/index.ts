export { BodyPartApplier } from './BodyPartApplier';
export { createPartAppliers } from './createPartAppliers';
export { FacePartApplier } from './FacePartApplier';
export type { PartApplier } from './PartApplier';
export { BONE_PART_INDEX, PART_BONES, PART_BONE_INDICES } from './partBones';
export { createPartWeights, type PartWeights } from './PartWeights';
export { RIG_PART_COUNT, RIG_PART_NAMES, RigPartName, rigPartIndex } from './RigPartName';
export { LEAN_LEVER_M, MAX_LEAN_RAD, SPINE_LEAN_SHARE, TorsoPartApplier } from './TorsoPartApplier';
export { writeFramePose } from './writeFramePose';
