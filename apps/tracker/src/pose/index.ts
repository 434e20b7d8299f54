export { POSE_DETECTOR, type PoseDetector } from './poseDetector';
export { PoseResultView } from './PoseResultView';
export { PoseSource, type PoseSourceOptions } from './PoseSource';
