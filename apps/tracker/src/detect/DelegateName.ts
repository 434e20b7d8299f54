/** The delegate MediaPipe actually runs on. */
export const DelegateName = { GPU: 'GPU', CPU: 'CPU' } as const;
export type DelegateName = (typeof DelegateName)[keyof typeof DelegateName];
