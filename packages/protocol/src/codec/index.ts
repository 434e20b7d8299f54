export * from './FrameDecodeError.js';
export * from './FrameLayout.js';
export { createDecodeTarget, type DecodeTarget } from './DecodeTarget.js';
export * from './decodeFrame.js';
export { decodeFrameInto } from './decodeFrameInto.js';
export * from './encodeFrame.js';
export * from './frameJSON.js';
export { validateFrame } from './validateFrame.js';
