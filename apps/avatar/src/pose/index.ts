export * from './RigPose';
export * from './blendPoses';
export * from './poseFromFrame';
export * from './restPose';
export * from './slerpQuatFlat';
