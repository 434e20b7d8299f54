export * from './FrameDecodeError';
export * from './FrameLayout';
export * from './decodeFrame';
export * from './encodeFrame';
export * from './frameJSON';
