/** Why a model could not become the avatar. */
export const VRMLoadFailure = {
  /** The URL could not be fetched at all. */
  Network: 'network',
  /** The server answered with an error status (404 and the like). */
  HttpStatus: 'http-status',
  /** The bytes are not a readable glTF / GLB. */
  Corrupt: 'corrupt',
  /** A valid glTF, but without VRM data. */
  NotVRM: 'not-vrm',
} as const;
export type VRMLoadFailure = (typeof VRMLoadFailure)[keyof typeof VRMLoadFailure];

/** The one error model loading throws; its message says what happened and what to do. */
export class VRMLoadError extends Error {
  override readonly name = 'VRMLoadError';
  constructor(
    readonly failure: VRMLoadFailure,
    /** The URL or file name that failed. */
    readonly source: string,
    message: string,
  ) {
    super(message);
  }
}
