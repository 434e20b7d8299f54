export { DEFAULT_EYE_BLINK_REMAPPER_PARAMS, EyeBlinkRemapper, type EyeBlinkRemapperParams } from './EyeBlinkRemapper';
export { DEFAULT_FACE_FILTER_SETTINGS, type FaceFilterSettings } from './FaceFilterSettings';
export { FACE_LANDMARK_COUNT_WITH_IRIS, FaceLandmarkIndex } from './FaceLandmarkIndex';
export type {
  BlendshapeCategoryLike,
  FaceLandmarkerResultLike,
  MatrixLike,
  NormalizedLandmarkLike,
} from './FaceLandmarkerResultLike';
export { FACE_EASE_TO_NEUTRAL_MS, FACE_HOLD_MS, FACE_RETURN_BLEND_MS, FaceSolver, type FaceSolverOptions } from './FaceSolver';
export { deriveRigExpressions } from './deriveRigExpressions';
