/**
 * The four angles of a digit's pose, in the order a pose's angle list keeps them
 * (`digit * ANGLES_PER_DIGIT + DigitAngle`, thumb first): the spread of its first bone in the palm
 * plane, then the flexion of its three joints, base first (radians; > 0 bends toward the palm).
 */
export const DigitAngle = { Spread: 0, BaseCurl: 1, MiddleCurl: 2, EndCurl: 3 } as const;
export type DigitAngle = (typeof DigitAngle)[keyof typeof DigitAngle];

/** The number of digits (thumb, index, middle, ring, little) and of angles each has. */
export const DIGIT_COUNT = 5;
export const ANGLES_PER_DIGIT = 4;
