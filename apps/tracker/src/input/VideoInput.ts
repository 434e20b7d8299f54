import { InputError, InputErrorCode } from './InputError';

/** What feeds the video element. */
export const InputKind = { None: 'none', Camera: 'camera', File: 'file' } as const;
export type InputKind = (typeof InputKind)[keyof typeof InputKind];

/** The camera resolution asked for: enough for FaceLandmarker, cheap to copy. */
const IDEAL_CAMERA_WIDTH = 640;
const IDEAL_CAMERA_HEIGHT = 480;

/**
 * Feeds one `<video>` element from a camera or from a video file (looped), so that both go
 * through the same pipeline.
 */
export class VideoInput {
  readonly video: HTMLVideoElement;
  kind: InputKind = InputKind.None;
  /** Called when the camera stops by itself (unplugged, taken by the system, permission revoked). */
  onCameraLost?: (error: InputError) => void;
  /** The `deviceId` of the camera in use, when it is a camera. */
  cameraId = '';
  private stream: MediaStream | undefined;
  private objectUrl: string | undefined;

  constructor(video: HTMLVideoElement) {
    this.video = video;
    video.muted = true;
    video.playsInline = true;
  }

  /** The cameras the browser lists. Labels are empty until camera permission was granted once. */
  static async listCameras(): Promise<MediaDeviceInfo[]> {
    if (!navigator.mediaDevices?.enumerateDevices) return [];
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices.filter((device) => device.kind === 'videoinput');
  }

  /**
   * Starts a camera: `deviceId`, or the default one when it is empty or gone.
   * Rejects with an {@link InputError} that tells the user what to do.
   */
  async startCamera(deviceId: string): Promise<void> {
    this.stop();
    if (!navigator.mediaDevices?.getUserMedia) throw new InputError(InputErrorCode.NoMediaDevices);
    const size = { width: { ideal: IDEAL_CAMERA_WIDTH }, height: { ideal: IDEAL_CAMERA_HEIGHT } };
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: deviceId ? { ...size, deviceId: { exact: deviceId } } : size,
        audio: false,
      });
    } catch (error) {
      const name = error instanceof Error || error instanceof DOMException ? error.name : '';
      if (!deviceId || (name !== 'OverconstrainedError' && name !== 'NotFoundError')) throw InputError.fromCameraError(error);
      // The saved camera is gone: take the default one.
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: size, audio: false });
      } catch (fallbackError) {
        throw InputError.fromCameraError(fallbackError);
      }
    }
    this.stream = stream;
    this.kind = InputKind.Camera;
    const track = stream.getVideoTracks()[0];
    track?.addEventListener('ended', () => {
      if (this.stream !== stream) return;
      this.stop();
      this.onCameraLost?.(new InputError(InputErrorCode.CameraLost));
    });
    this.cameraId = track?.getSettings().deviceId ?? deviceId;
    this.video.loop = false;
    this.video.srcObject = stream;
    await this.play();
  }

  /** Plays a video URL (or a picked file) in a loop. */
  async startFile(source: string | File): Promise<void> {
    this.stop();
    const url = typeof source === 'string' ? source : (this.objectUrl = URL.createObjectURL(source));
    this.kind = InputKind.File;
    this.video.loop = true;
    this.video.src = url;
    await new Promise<void>((resolve, reject) => {
      const cleanup = () => {
        this.video.removeEventListener('loadeddata', onLoaded);
        this.video.removeEventListener('error', onError);
      };
      const onLoaded = () => {
        cleanup();
        resolve();
      };
      const onError = () => {
        cleanup();
        const name = typeof source === 'string' ? source : source.name;
        const reason = this.video.error?.message || `media error ${this.video.error?.code ?? '?'}`;
        reject(new InputError(InputErrorCode.VideoFailed, `${name}: ${reason}. Check the URL, or use an H.264 .mp4 or .webm file`));
      };
      this.video.addEventListener('loadeddata', onLoaded);
      this.video.addEventListener('error', onError);
    });
    await this.play();
  }

  /** Stops the camera or the video and releases it. */
  stop(): void {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = undefined;
    this.video.pause();
    this.video.srcObject = null;
    this.video.removeAttribute('src');
    this.video.load();
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = undefined;
    this.kind = InputKind.None;
  }

  private async play(): Promise<void> {
    try {
      await this.video.play();
    } catch (error) {
      // Autoplay needs a muted video; it is muted, so a failure here is a real one.
      this.stop();
      throw new InputError(InputErrorCode.VideoFailed, error instanceof Error ? error.message : String(error));
    }
  }
}
