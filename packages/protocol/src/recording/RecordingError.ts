/** Why bytes could not be read as a recording. */
export const RecordingErrorReason = {
  /** The bytes do not start with the recording signature. */
  NotARecording: 'not-a-recording',
  /** A recording of a format version this build cannot read. */
  UnsupportedVersion: 'unsupported-version',
  /** The file ends inside its header, so it holds no frames at all. */
  TruncatedHeader: 'truncated-header',
  /** A record's checksum, length or arrival time is wrong: the file was damaged. */
  Corrupt: 'corrupt',
  /** A record is intact but its frame is not a valid RigFrame. */
  InvalidFrame: 'invalid-frame',
} as const;
export type RecordingErrorReason = (typeof RecordingErrorReason)[keyof typeof RecordingErrorReason];

/** The one error {@link readRecording} throws; its message says what is wrong and where. */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
  constructor(
    readonly reason: RecordingErrorReason,
    detail: string,
    /** Byte offset in the file where the problem is, when there is one. */
    readonly offset?: number,
  ) {
    super(`${reason}: ${detail}`);
  }
}
