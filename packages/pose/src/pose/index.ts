export { blendPoses, blendPosesByPart } from './blendPoses';
export { REST_ROTATIONS, writeRestRotations } from './restPose';
export { POSE_BONE_COUNT, QUAT_STRIDE, RigPose } from './RigPose';
export { slerpFlat } from './slerpFlat';
