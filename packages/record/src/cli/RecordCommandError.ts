/**
 * A failure the user of `rigcast record`, `replay` or `export` can fix: printed as one line
 * (`rigcast <command>: <message>`) with a non-zero exit, never as a stack trace.
 */
export class RecordCommandError extends Error {
  override readonly name = 'RecordCommandError';
  constructor(
    message: string,
    /** The exit code: 1 for a failure, 2 for a bad command line. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
