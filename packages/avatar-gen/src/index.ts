export * from './generateDefaultAvatar';
export * from './gltf';
export * from './png';
export { createSkeleton, BODY, FINGERS, FINGER_NAMES, Skeleton, THUMB_JOINTS, type Bone, type FingerName } from './rig';
export { MORPH_NAMES, EXPRESSION_PRESETS, EXTRA_MORPH_NAMES, AVATAR_META, type MorphName, type PresetRecipe } from './vrm';
