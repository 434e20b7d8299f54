/** A bad `rigcast vmc` command line; its message is one line for the user. */
export class VmcUsageError extends Error {
  override readonly name = 'VmcUsageError';
}
