/**
 * How the page writes a pose onto the VRM (`?apply=`). `naive` exists only so that the
 * benchmark can measure the cached path against a baseline in the same run.
 */
export const ApplyMode = {
  /** Bone nodes and expressions looked up once per model (the default). */
  Cached: 'cached',
  /** Every bone and expression looked up by name on every frame. */
  Naive: 'naive',
} as const;
export type ApplyMode = (typeof ApplyMode)[keyof typeof ApplyMode];
