export * from './FrameDecodeError.js';
export * from './FrameLayout.js';
export * from './decodeFrame.js';
export * from './encodeFrame.js';
export * from './frameJSON.js';
