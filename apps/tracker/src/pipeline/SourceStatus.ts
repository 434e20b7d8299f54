/** Where a tracker source stands. */
export const SourceStatus = {
  /** Not loaded (switched off, or not asked yet). */
  Off: 'off',
  /** Downloading its model and starting its detector. */
  Loading: 'loading',
  Ready: 'ready',
  /** Its model or detector failed; `SourceStats.error` says why. */
  Failed: 'failed',
} as const;
export type SourceStatus = (typeof SourceStatus)[keyof typeof SourceStatus];
