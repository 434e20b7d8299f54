export * from './FrameIntervalEstimator';
export * from './FrameInterpolator';
export * from './IdleBlend';
export * from './IdleMotion';
