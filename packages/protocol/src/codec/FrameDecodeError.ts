/** Why bytes (or JSON) could not become a RigFrame. */
export const FrameDecodeReason = {
  NotBinary: 'not-binary',
  Truncated: 'truncated',
  Oversized: 'oversized',
  UnknownVersion: 'unknown-version',
  BadFlags: 'bad-flags',
  BadValue: 'bad-value',
  BadShape: 'bad-shape',
} as const;
export type FrameDecodeReason = (typeof FrameDecodeReason)[keyof typeof FrameDecodeReason];

/** The one error {@link decodeFrame} and {@link frameFromJSON} throw. */
export class FrameDecodeError extends Error {
  override readonly name = 'FrameDecodeError';
  constructor(
    readonly reason: FrameDecodeReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** Thrown by {@link encodeFrame} when a producer hands it a frame it cannot represent. */
export class FrameEncodeError extends Error {
  override readonly name = 'FrameEncodeError';
}
