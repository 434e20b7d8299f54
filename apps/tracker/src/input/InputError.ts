/** Why the page has no video to track. */
export const InputErrorCode = {
  NoCamera: 'no-camera',
  PermissionDenied: 'permission-denied',
  CameraBusy: 'camera-busy',
  CameraLost: 'camera-lost',
  NoMediaDevices: 'no-media-devices',
  VideoFailed: 'video-failed',
} as const;
export type InputErrorCode = (typeof InputErrorCode)[keyof typeof InputErrorCode];

const ADVICE: Record<InputErrorCode, string> = {
  [InputErrorCode.NoCamera]: 'No camera was found. Connect a camera and press Start, or choose a video file to try the tracker without one.',
  [InputErrorCode.PermissionDenied]:
    'Camera permission was denied. Allow the camera for this site (the camera icon in the address bar), then press Start; or choose a video file.',
  [InputErrorCode.CameraBusy]: 'The camera could not be started: another program may be using it. Close that program and press Start.',
  [InputErrorCode.CameraLost]: 'The camera stopped (unplugged, or taken by another program). Reconnect it and press Start.',
  [InputErrorCode.NoMediaDevices]:
    'This browser offers no camera to this page: open the tracker over https or from localhost, or choose a video file.',
  [InputErrorCode.VideoFailed]: 'The video could not be played',
};

/** A camera or video problem, with a message that says what to do. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly code: InputErrorCode;

  constructor(code: InputErrorCode, detail?: string) {
    super(detail ? `${ADVICE[code]} (${detail})` : ADVICE[code]);
    this.code = code;
  }

  /** Classifies a `getUserMedia` failure. */
  static fromCameraError(error: unknown): InputError {
    const name = error instanceof Error || error instanceof DOMException ? error.name : '';
    const detail = error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
    switch (name) {
      case 'NotAllowedError':
      case 'PermissionDeniedError':
      case 'SecurityError':
        return new InputError(InputErrorCode.PermissionDenied, detail);
      case 'NotFoundError':
      case 'DevicesNotFoundError':
      case 'OverconstrainedError':
        return new InputError(InputErrorCode.NoCamera, detail);
      default:
        return new InputError(InputErrorCode.CameraBusy, detail);
    }
  }
}
