export * from './AvatarRig';
export * from './applyPoseNaive';
export * from './applyPoseToRig';
export * from './perfectSyncRules';
