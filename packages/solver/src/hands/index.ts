export type { ArmChainLike } from './ArmChainLike';
export { addHandBones } from './addHandBones';
export { MAX_HAND_CONTINUITY, MAX_HAND_TO_POSE_WRIST, MIN_POSE_MATCH_MARGIN, assignHands, type DetectedHandLike, type TrackedHandsLike } from './assignHands';
export { DEFAULT_HAND_FILTER_SETTINGS, type HandFilterSettings } from './HandFilterSettings';
export {
  FINGER_DIP_COUPLING_SIGMA,
  FINGER_DIP_PER_PIP,
  FINGER_LIMITS,
  FOREARM_TWIST_SHARE,
  SPREAD_FULL_BELOW_BEND,
  SPREAD_NONE_ABOVE_BEND,
  THUMB_IP_COUPLING_SIGMA,
  THUMB_LIMITS,
  WRIST_LIMITS,
  maxFingerSpread,
  type DigitLimits,
} from './HandJointLimits';
export { HAND_LANDMARK_COUNT, HandLandmarkIndex } from './HandLandmarkIndex';
export type { HandLandmarkerResultLike, HandednessCategoryLike } from './HandLandmarkerResultLike';
export { DEFAULT_HAND_REST_SHAPE, type HandRestShape } from './HandRestShape';
export { HandSide } from './HandSide';
export {
  HAND_EASE_TO_REST_MS,
  HAND_HOLD_MS,
  HAND_RETURN_BLEND_MS,
  HAND_WITHOUT_ARM_CONFIDENCE,
  HandSolver,
  type HandSolverOptions,
} from './HandSolver';
export { HAND_BONE_COUNT, handBoneNames } from './HandState';
export type { ImagePointLike, PoseWristsLike } from './PoseWristsLike';
export { IDLE_HAND_DETECTION_INTERVAL_MS, shouldDetectHands, type HandDetectionContext } from './shouldDetectHands';
export { CLOSE_HAND_MIN_SPAN, CLOSE_HAND_WRIST_MARGIN, handHeldUpClose } from './handHeldUpClose';
export { WRIST_FRAME_MARGIN, WRIST_VISIBILITY_THRESHOLD, wristInFrame } from './wristInFrame';
