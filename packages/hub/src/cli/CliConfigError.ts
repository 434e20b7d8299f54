/** A bad command-line option or environment value; its message is one line for the user. */
export class CliConfigError extends Error {
  override readonly name = 'CliConfigError';
}
