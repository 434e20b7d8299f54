/** What {@link FaceSolver.solve} did with a frame. */
export const FaceTrackingState = {
  /** A face was found; the output follows it. */
  Tracking: 'tracking',
  /** No face for less than the hold time: the last pose is held. */
  Holding: 'holding',
  /** No face for longer: the output eases toward (then stays at) the neutral pose. */
  Lost: 'lost',
} as const;
export type FaceTrackingState = (typeof FaceTrackingState)[keyof typeof FaceTrackingState];
