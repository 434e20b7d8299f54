export * from './generateDefaultAvatar';
export * from './gltf';
export * from './png';
export { createSkeleton, BODY } from './rig';
export { MORPH_NAMES, EXPRESSION_PRESETS, EXTRA_MORPH_NAMES, AVATAR_META } from './vrm';
