// Importing this module registers the matchers with vitest's `expect`.
export { DEFAULT_QUATERNION_TOLERANCE_DEG, toBeCloseToQuaternion } from './toBeCloseToQuaternion';
