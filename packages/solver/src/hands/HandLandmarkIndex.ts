/**
 * The 21 points of MediaPipe's hand landmark model, by index. CMC, MCP, PIP, DIP and IP are the
 * joints (carpometacarpal, metacarpophalangeal, proximal / distal interphalangeal, and the thumb's
 * interphalangeal); TIP is the fingertip.
 *
 * On the avatar's skeleton: `Wrist` sits at the hand bone, `ThumbCmc` at thumbMetacarpal,
 * `ThumbMcp` at thumbProximal, `ThumbIp` at thumbDistal; each finger's `Mcp`, `Pip` and `Dip` at its
 * proximal, intermediate and distal bone.
 */
export const HandLandmarkIndex = {
  Wrist: 0,
  ThumbCmc: 1,
  ThumbMcp: 2,
  ThumbIp: 3,
  ThumbTip: 4,
  IndexMcp: 5,
  IndexPip: 6,
  IndexDip: 7,
  IndexTip: 8,
  MiddleMcp: 9,
  MiddlePip: 10,
  MiddleDip: 11,
  MiddleTip: 12,
  RingMcp: 13,
  RingPip: 14,
  RingDip: 15,
  RingTip: 16,
  LittleMcp: 17,
  LittlePip: 18,
  LittleDip: 19,
  LittleTip: 20,
} as const;
export type HandLandmarkIndex = (typeof HandLandmarkIndex)[keyof typeof HandLandmarkIndex];

/** The number of landmarks per hand. */
export const HAND_LANDMARK_COUNT = 21;
/** Landmarks per digit: its base joint, two more joints, and the tip. */
export const LANDMARKS_PER_DIGIT = 4;

/** The first landmark (the base joint: thumb CMC, finger MCP) of each digit, thumb first. */
export const DIGIT_BASE_LANDMARKS = [
  HandLandmarkIndex.ThumbCmc,
  HandLandmarkIndex.IndexMcp,
  HandLandmarkIndex.MiddleMcp,
  HandLandmarkIndex.RingMcp,
  HandLandmarkIndex.LittleMcp,
] as const;
