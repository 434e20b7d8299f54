/** Where the page's demo performance stands. */
export const DemoState = {
  /** Not playing: the page shows the hub's frames. */
  Off: 'off',
  /** Downloading the recording. */
  Loading: 'loading',
  /** Playing, in a loop; the hub's frames are set aside. */
  Playing: 'playing',
  /** The recording did not load (see the banner). */
  Failed: 'failed',
} as const;
export type DemoState = (typeof DemoState)[keyof typeof DemoState];
