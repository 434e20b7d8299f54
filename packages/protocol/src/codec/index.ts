export * from './FrameDecodeError';
export * from './FrameLayout';
export { createDecodeTarget, type DecodeTarget } from './DecodeTarget';
export * from './decodeFrame';
export { decodeFrameInto } from './decodeFrameInto';
export * from './encodeFrame';
export * from './frameJSON';
export { validateFrame } from './validateFrame';
