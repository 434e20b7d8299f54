export {
  ARM_BEHIND_LIMIT_RAD,
  ARM_BEHIND_TRUSTED_RAD,
  BENT_LIMB_BEND_RAD,
  BODY_EASE_TO_REST_MS,
  BODY_HOLD_MS,
  BODY_MODES,
  BODY_RETURN_BLEND_MS,
  BodyMode,
  BodySolver,
  CLAVICLE_ELEVATION_SHARE,
  DEFAULT_BODY_FILTER_SETTINGS,
  DEFAULT_BODY_REST_POSE,
  HELD_TWIST_RELAX_MS,
  IN_FRAME_MARGIN,
  LEG_ENTER_AFTER_MS,
  MAX_TWIST_SPEED_RAD_PER_S,
  POSE_LANDMARK_COUNT,
  PoseLandmarkIndex,
  STRAIGHT_LIMB_BEND_RAD,
  TORSO_BEND_SHARES,
  composeHeadOnTorso,
  type BodyFilterSettings,
  type BodyRestPose,
  type BodySolverOptions,
  type PoseLandmarkLike,
  type PoseLandmarkerResultLike,
} from './body';
export * from './face';
export * from './filters';
export * from './lifecycle';
export * from './space';
