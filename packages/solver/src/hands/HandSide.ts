/** A side of the body: the subject's own, or the avatar's, as each use says. */
export const HandSide = {
  Left: 'left',
  Right: 'right',
} as const;
export type HandSide = (typeof HandSide)[keyof typeof HandSide];

