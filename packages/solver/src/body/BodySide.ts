/**
 * A side of the body as an index, for per-side arrays. Inside the solver (camera space) it is the
 * **subject's** side; in the output it is the **avatar's** (see {@link Mirror}). Left is +X.
 * @internal
 */
export const BodySide = { Left: 0, Right: 1 } as const;
export type BodySide = (typeof BodySide)[keyof typeof BodySide];

/** Both sides, left first. @internal */
export const BODY_SIDES: readonly BodySide[] = [BodySide.Left, BodySide.Right];
