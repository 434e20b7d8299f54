export * from './RigFrame.js';
export * from './createNeutralFrame.js';
export * from './relaxedRestPose.js';
export * from './splitHeadRotation.js';
