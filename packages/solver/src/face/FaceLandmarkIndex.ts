/**
 * Indices into MediaPipe's 478-point face mesh (468 mesh points + 10 iris points) that the solver
 * reads. "Left" and "right" are the **subject's** own, as in MediaPipe: the subject's left eye is
 * on the image's right.
 */
export const FaceLandmarkIndex = {
  RightEyeOuterCorner: 33,
  RightEyeInnerCorner: 133,
  RightEyeUpperLid: 159,
  RightEyeLowerLid: 145,
  RightIrisCenter: 468,
  LeftEyeOuterCorner: 263,
  LeftEyeInnerCorner: 362,
  LeftEyeUpperLid: 386,
  LeftEyeLowerLid: 374,
  LeftIrisCenter: 473,
  NoseTip: 1,
  Chin: 152,
  ForeheadCenter: 10,
  UpperLipInner: 13,
  LowerLipInner: 14,
  RightMouthCorner: 61,
  LeftMouthCorner: 291,
} as const;
export type FaceLandmarkIndex = (typeof FaceLandmarkIndex)[keyof typeof FaceLandmarkIndex];

/** The number of points in a face mesh with irises; results with fewer give no gaze. */
export const FACE_LANDMARK_COUNT_WITH_IRIS = 478;
