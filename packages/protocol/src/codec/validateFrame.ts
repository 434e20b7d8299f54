import type { FrameDecodeError } from './FrameDecodeError.js';
import { readFrame } from './readFrame.js';

/**
 * Checks binary frame bytes exactly as {@link decodeFrame} does, without building the frame:
 * returns the {@link FrameDecodeError} decoding would throw, or `null` for a valid frame.
 * A valid `Uint8Array` is checked without allocating; only a failure builds its error.
 * @example
 * const problem = validateFrame(payload);
 * if (problem) reject(problem.reason, problem.message); else relay(payload);
 */
export function validateFrame(input: unknown): FrameDecodeError | null {
  return readFrame(input, null);
}
