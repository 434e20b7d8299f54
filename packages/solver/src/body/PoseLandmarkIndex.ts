/**
 * The 33 landmarks of MediaPipe's PoseLandmarker (BlazePose GHUM topology), by index. "Left" and
 * "right" are the **subject's** own sides: the subject's left shoulder is on the image's right.
 */
export const PoseLandmarkIndex = {
  Nose: 0,
  LeftEyeInner: 1,
  LeftEye: 2,
  LeftEyeOuter: 3,
  RightEyeInner: 4,
  RightEye: 5,
  RightEyeOuter: 6,
  LeftEar: 7,
  RightEar: 8,
  MouthLeft: 9,
  MouthRight: 10,
  LeftShoulder: 11,
  RightShoulder: 12,
  LeftElbow: 13,
  RightElbow: 14,
  LeftWrist: 15,
  RightWrist: 16,
  /** The knuckle of the little finger. */
  LeftPinky: 17,
  RightPinky: 18,
  /** The knuckle of the index finger. */
  LeftIndex: 19,
  RightIndex: 20,
  LeftThumb: 21,
  RightThumb: 22,
  LeftHip: 23,
  RightHip: 24,
  LeftKnee: 25,
  RightKnee: 26,
  LeftAnkle: 27,
  RightAnkle: 28,
  LeftHeel: 29,
  RightHeel: 30,
  /** The tip of the foot (around the big toe). */
  LeftFootIndex: 31,
  RightFootIndex: 32,
} as const;
export type PoseLandmarkIndex = (typeof PoseLandmarkIndex)[keyof typeof PoseLandmarkIndex];

/** How many landmarks one pose has. */
export const POSE_LANDMARK_COUNT = 33;
