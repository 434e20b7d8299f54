export * from './createMaterials';
export * from './createVrmExtension';
export * from './expressionPresets';
export * from './SpringBoneChain';
export * from './writeAvatarGlb';
