/** Where the current model stands. */
export const ModelStatus = { Loading: 'loading', Loaded: 'loaded', Failed: 'failed' } as const;
export type ModelStatus = (typeof ModelStatus)[keyof typeof ModelStatus];
