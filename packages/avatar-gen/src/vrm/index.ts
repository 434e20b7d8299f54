export * from './createMaterials';
export * from './createSpringBoneExtension';
export * from './createVrmExtension';
export * from './expressionPresets';
export * from './SpringBoneChain';
export * from './writeAvatarGlb';
