import type { RigFrame } from '../frame/RigFrame.js';
import type { DecodeTarget } from './DecodeTarget.js';
import { readFrame } from './readFrame.js';

/**
 * Decodes and validates a binary RigFrame into `target`, reusing its objects, and returns
 * `target.frame`. The same bytes give the same verdict as {@link decodeFrame}: invalid input
 * throws the same {@link FrameDecodeError}, and leaves `target`'s content unspecified.
 * A valid `Uint8Array` is decoded without allocating (an `ArrayBuffer` needs one view).
 * @example
 * const target = createDecodeTarget();
 * const frame = decodeFrameInto(bytes, target); // frame.face is undefined when the bytes have none
 */
export function decodeFrameInto(input: unknown, target: DecodeTarget): RigFrame {
  const problem = readFrame(input, target);
  if (problem) throw problem;
  return target.frame;
}
