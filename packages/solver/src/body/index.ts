export { BODY_MODES, BodyMode, LEG_ENTER_AFTER_MS } from './BodyMode';
export { DEFAULT_BODY_FILTER_SETTINGS, type BodyFilterSettings } from './BodyFilterSettings';
export { DEFAULT_BODY_REST_POSE, type BodyRestPose } from './BodyRestPose';
export {
  BODY_EASE_TO_REST_MS,
  BODY_HOLD_MS,
  BODY_RETURN_BLEND_MS,
  BodySolver,
  type BodySolverOptions,
} from './BodySolver';
export { CLAVICLE_ELEVATION_SHARE } from './clavicleRaise';
export { composeHeadOnTorso } from './composeHeadOnTorso';
export { BENT_LIMB_BEND_RAD, HELD_TWIST_RELAX_MS, MAX_TWIST_SPEED_RAD_PER_S, STRAIGHT_LIMB_BEND_RAD } from './HingedLimb';
export { ARM_BEHIND_LIMIT_RAD, ARM_BEHIND_TRUSTED_RAD } from './limitBehindTorso';
export { IN_FRAME_MARGIN } from './PoseObservation';
export { POSE_LANDMARK_COUNT, PoseLandmarkIndex } from './PoseLandmarkIndex';
export type { PoseLandmarkLike, PoseLandmarkerResultLike } from './PoseLandmarkerResultLike';
export { TORSO_BEND_SHARES } from './TorsoBendShares';
