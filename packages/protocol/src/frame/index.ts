export * from './RigFrame';
export * from './createNeutralFrame';
export * from './relaxedRestPose';
