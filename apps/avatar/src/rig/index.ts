export { AvatarRig } from './AvatarRig';
export { applyPoseToRig } from './applyPoseToRig';
export { GAZE_BLENDSHAPES, PERFECT_SYNC_SUPERSEDES, isBlinkBlendshape, isMouthBlendshape } from './perfectSyncRules';
export { RigApplier, type PartIdleState, type RigApplierOptions } from './RigApplier';
