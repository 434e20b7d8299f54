export * from './BODY';
export * from './Skeleton';
export { createSkeleton, sideSign, FINGERS, FINGER_NAMES, THUMB_JOINTS, type FingerName } from './createSkeleton';
export * from './blendAlong';
