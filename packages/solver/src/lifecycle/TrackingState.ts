/** Where a tracked part (the face, an arm, a hand) stands in its {@link PartLifecycle}. */
export const TrackingState = {
  /** The part was seen; the output follows it (blending back in first, after a loss). */
  Tracking: 'tracking',
  /** Not seen for less than the hold time: the last pose is held. */
  Holding: 'holding',
  /** Not seen for longer: the output eases toward (then stays at) the rest pose. */
  Lost: 'lost',
} as const;
export type TrackingState = (typeof TrackingState)[keyof typeof TrackingState];
